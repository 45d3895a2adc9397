// What a program that embeds the evaluator names besides the engine and its answers: the
// model's types (`Model`, `Entity`, `Fact`, `ModelLoader`, `ModelError`) and the positions of
// errors (`SourceLocation`, `Diagnostic`). `import ArticleQuery` alone brings them.
@_exported import ArticleModel
@_exported import Syntax
