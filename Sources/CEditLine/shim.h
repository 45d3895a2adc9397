// libedit for Swift, loaded at run time: csto links no libedit, so that a run without a
// prompt (-c, scripts, pipes) never maps it and the libraries it needs. `LibEdit` (in the
// csto target) opens the library with dlopen and fills a `csto_libedit` table with dlsym;
// every call goes through a wrapper here, which also gives Swift non-variadic forms of the
// variadic el_set, el_get and history, and the C globals stdin/stdout that Swift 6 cannot
// touch. The header is only read for its types and constants.
#ifndef CSTO_CEDITLINE_SHIM_H
#define CSTO_CEDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>

typedef char *(*csto_prompt_fn)(EditLine *);
typedef unsigned char (*csto_command_fn)(EditLine *, int);

/// The libedit functions csto calls, each as dlsym found it.
typedef struct {
  void *el_init;
  void *el_end;
  void *el_gets;
  void *el_set;
  void *el_get;
  void *el_resize;
  void *el_line;
  void *el_insertstr;
  void *el_deletestr;
  void *history_init;
  void *history_end;
  void *history;
} csto_libedit;

typedef EditLine *(*csto_el_init_fn)(const char *, FILE *, FILE *, FILE *);
typedef void (*csto_el_end_fn)(EditLine *);
typedef const char *(*csto_el_gets_fn)(EditLine *, int *);
typedef int (*csto_el_set_fn)(EditLine *, int, ...);
typedef int (*csto_el_get_fn)(EditLine *, int, ...);
typedef void (*csto_el_resize_fn)(EditLine *);
typedef const LineInfo *(*csto_el_line_fn)(EditLine *);
typedef int (*csto_el_insertstr_fn)(EditLine *, const char *);
typedef void (*csto_el_deletestr_fn)(EditLine *, int);
typedef History *(*csto_history_init_fn)(void);
typedef void (*csto_history_end_fn)(History *);
typedef int (*csto_history_fn)(History *, HistEvent *, int, ...);

static inline FILE *csto_stdout(void) { return stdout; }

static inline EditLine *csto_el_init(const csto_libedit *lib, const char *program) {
  return ((csto_el_init_fn)lib->el_init)(program, stdin, stdout, stderr);
}
static inline void csto_el_end(const csto_libedit *lib, EditLine *el) {
  ((csto_el_end_fn)lib->el_end)(el);
}
static inline const char *csto_el_gets(const csto_libedit *lib, EditLine *el, int *count) {
  return ((csto_el_gets_fn)lib->el_gets)(el, count);
}
static inline void csto_el_resize(const csto_libedit *lib, EditLine *el) {
  ((csto_el_resize_fn)lib->el_resize)(el);
}
static inline const LineInfo *csto_el_line(const csto_libedit *lib, EditLine *el) {
  return ((csto_el_line_fn)lib->el_line)(el);
}
static inline int csto_el_insertstr(const csto_libedit *lib, EditLine *el, const char *text) {
  return ((csto_el_insertstr_fn)lib->el_insertstr)(el, text);
}
static inline void csto_el_deletestr(const csto_libedit *lib, EditLine *el, int count) {
  ((csto_el_deletestr_fn)lib->el_deletestr)(el, count);
}
static inline History *csto_history_init(const csto_libedit *lib) {
  return ((csto_history_init_fn)lib->history_init)();
}
static inline void csto_history_end(const csto_libedit *lib, History *h) {
  ((csto_history_end_fn)lib->history_end)(h);
}

static inline int csto_el_set_prompt(const csto_libedit *lib, EditLine *el, csto_prompt_fn fn) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_PROMPT, fn);
}
static inline int csto_el_set_editor(const csto_libedit *lib, EditLine *el, const char *mode) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_EDITOR, mode);
}
static inline int csto_el_set_signal(const csto_libedit *lib, EditLine *el, int on) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_SIGNAL, on);
}
static inline int csto_el_set_clientdata(const csto_libedit *lib, EditLine *el, void *data) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_CLIENTDATA, data);
}
static inline void *csto_el_get_clientdata(const csto_libedit *lib, EditLine *el) {
  void *data = NULL;
  ((csto_el_get_fn)lib->el_get)(el, EL_CLIENTDATA, &data);
  return data;
}
/// EL_HIST takes the history function itself, as libedit gave it.
static inline int csto_el_set_hist(const csto_libedit *lib, EditLine *el, History *h) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_HIST, (csto_history_fn)lib->history, h);
}
static inline int csto_el_addfn(const csto_libedit *lib, EditLine *el, const char *name,
                                const char *help, csto_command_fn fn) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_ADDFN, name, help, fn);
}
static inline int csto_el_bind(const csto_libedit *lib, EditLine *el, const char *key,
                               const char *fn) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_BIND, key, fn, NULL);
}
/// Sets the function libedit reads each character with.
static inline int csto_el_set_getcfn(const csto_libedit *lib, EditLine *el, el_rfunc_t fn) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_GETCFN, fn);
}
/// Turns the tty's signal keys off while a line is edited, so ^C reaches a binding.
static inline int csto_el_setty_nosignals(const csto_libedit *lib, EditLine *el) {
  return ((csto_el_set_fn)lib->el_set)(el, EL_SETTY, "-d", "-isig", NULL);
}

static inline int csto_history_setsize(const csto_libedit *lib, History *h, int size) {
  HistEvent ev;
  return ((csto_history_fn)lib->history)(h, &ev, H_SETSIZE, size);
}
static inline int csto_history_setunique(const csto_libedit *lib, History *h, int unique) {
  HistEvent ev;
  return ((csto_history_fn)lib->history)(h, &ev, H_SETUNIQUE, unique);
}
static inline int csto_history_enter(const csto_libedit *lib, History *h, const char *line) {
  HistEvent ev;
  return ((csto_history_fn)lib->history)(h, &ev, H_ENTER, line);
}
static inline int csto_history_load(const csto_libedit *lib, History *h, const char *path) {
  HistEvent ev;
  return ((csto_history_fn)lib->history)(h, &ev, H_LOAD, path);
}

#endif
