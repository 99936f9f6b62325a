// An enricher written with the Newsbus SDK: it tags articles that mention a watched term with a
// keyword and an annotation. Run it as a plug-in worker (see Examples/newsbus.yaml):
//
//   newsbus-example-enricher --stage enrich.watch --watch "missile" [--crash-on TEXT]
//
// `--crash-on TEXT` makes the process abort on any article whose body contains TEXT: a poison
// message, for trying out (and testing) redelivery and dead letters.

import Foundation
import NewsbusSDK
import NewsbusWire

struct WatchTermEnricher: Enricher {
    let stage: String
    let terms: [String]
    let crashOn: String?

    func enrich(_ article: inout Article) throws {
        let body = article.bodies.map(\.value).joined(separator: "\n")
        if let crashOn, body.contains(crashOn) { abort() }
        let lower = (article.headline + "\n" + body).lowercased()
        for term in terms where lower.contains(term.lowercased()) {
            if !article.keywords.contains(term) { article.keywords.append(term) }
            article.annotations.append(Article.Annotation(creator: stage, name: "watch", value: term))
        }
    }
}

WorkerMain.run { environment in
    var terms: [String] = []
    var crashOn: String?
    var arguments = environment.remainingArguments.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--watch": terms.append(arguments.next() ?? "")
        case "--crash-on": crashOn = arguments.next()
        default: throw WorkerMainError("unknown option \(argument)")
        }
    }
    return WatchTermEnricher(stage: environment.stage ?? "enrich.watch", terms: terms.filter { !$0.isEmpty }, crashOn: crashOn)
}
