/// The forms of the query language, each with an example the article answers, as `.help`
/// lists them after the commands: a reader who has read the article finds the form of the
/// question they have, typed as they would type it.
enum QuestionForms {
  /// Each form's name and an example.
  static let all: [(form: String, example: String)] = [
    ("a set", "members"),
    ("a set with a condition", "members where criticized russia"),
    ("which", "which countries did pelosi visit"),
    ("which, as a condition", "which members criticized russia"),
    ("a set's other names; list", "list the csto members"),
    ("a set by a relation", "members of the bloc"),
    ("each other", "which members are in conflict with each other"),
    ("an adverb", "which members did not openly support russia"),
    ("who", "who criticized the csto"),
    ("who with did/does/has", "who did the united states invite"),
    ("any tense of a relation", "who does turkey back"),
    ("the, a, an around names", "who is the president of kyrgyzstan"),
    ("who holds an office", "who is kyrgyzstan's president"),
    ("what and a set or kind", "what country did nancy pelosi visit"),
    ("that did not", "members that did not support russia"),
    ("what did", "what did pelosi visit"),
    ("a possessive", "what does kazakhstan's doctrine call for"),
    ("what the article denies", "what did minsk not support"),
    ("not: the denial, or not stated", "members where not supported russia"),
    ("a passive", "countries where visited by pelosi"),
    ("a sub-query", "people where president of (members where criticized russia)"),
    ("a qualifier", "who criticized the csto at the astana summit"),
    ("where", "where did rakhmon criticize russia"),
    ("when", "when did the csto assist kazakhstan"),
    ("how much", "how much did the pentagon spend"),
    ("what happened", "what happened at the astana summit"),
    ("yes or no", "did kyrgyzstan cancel unbreakable brotherhood"),
    ("yes or no, is", "is belarus a member of the csto"),
    ("all pairs of a relation", "who criticized whom"),
    ("pairs within sets", "which members are in conflict with which"),
    ("connections", "how is pelosi connected to russia"),
    ("what if", "what if iran joins the csto"),
    ("what would happen if", "what would happen if iran joined the csto"),
    (
      "a question under a scenario", "what if iran joined the csto, how many members would there be"
    ),
    ("count", "count members where not supported russia"),
    ("how many", "how many countries were invited by the us"),
    ("profile", "show belarus"),
    ("a scenario's profile", "show \"iran joins the csto\""),
    ("facts", "facts about kyrgyzstan"),
    ("a paragraph's facts", "facts in paragraph 5"),
    ("why", "why tajikistan criticized russia"),
    ("why not", "why not belarus criticized russia"),
    ("assuming a scenario", "members assuming iran joins the csto"),
    ("if a scenario", "who would be members of the csto if iran joined"),
  ]

  /// The forms in columns under a title.
  static var helpText: String {
    let width = all.map(\.form.count).max() ?? 0
    let lines = all.map { form, example in
      "  " + form + String(repeating: " ", count: width - form.count + 2) + example
    }
    return (["Questions, one of each form (Grammar/query.ebnf has them all):"] + lines)
      .joined(separator: "\n")
  }
}
