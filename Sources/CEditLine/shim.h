// Non-variadic wrappers around libedit for Swift, which cannot call C variadic functions
// (el_set, el_get, history) and in Swift 6 mode cannot touch the C globals stdin/stdout.
#ifndef CSTO_CEDITLINE_SHIM_H
#define CSTO_CEDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>

typedef char *(*csto_prompt_fn)(EditLine *);
typedef unsigned char (*csto_command_fn)(EditLine *, int);

static inline FILE *csto_stdin(void) { return stdin; }
static inline FILE *csto_stdout(void) { return stdout; }
static inline FILE *csto_stderr(void) { return stderr; }

static inline int csto_el_set_prompt(EditLine *el, csto_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int csto_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int csto_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}
static inline int csto_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *csto_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int csto_el_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int csto_el_addfn(EditLine *el, const char *name, const char *help,
                                csto_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int csto_el_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, NULL);
}
/// Sets the function libedit reads each character with.
static inline int csto_el_set_getcfn(EditLine *el, el_rfunc_t fn) {
  return el_set(el, EL_GETCFN, fn);
}
/// Turns the tty's signal keys off while a line is edited, so ^C reaches a binding.
static inline int csto_el_setty_nosignals(EditLine *el) {
  return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}

static inline int csto_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int csto_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int csto_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int csto_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
static inline int csto_history_save_fp(History *h, FILE *fp) {
  HistEvent ev;
  return history(h, &ev, H_SAVE_FP, fp);
}

#endif
