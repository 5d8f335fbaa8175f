import Emit
import Verify

/// Serialises `JUnitReport` suites with libxml2 (`XMLWriter`), in the shape
/// of the common JUnit schema (Jenkins/Ant `junit.xsd`):
/// `testsuites[name tests failures errors] > testsuite[name tests failures
/// errors skipped] > testcase[name classname] > (skipped[message] |
/// failure[message type] | system-out)`. No timestamps or times, so the
/// output is byte-stable.
enum JUnitWriter {
    static func render(_ files: [FileReport], strict: Bool) throws -> String {
        let suites = JUnitReport.suites(files, strict: strict)
        let xml = try XMLWriter(indent: true)
        try xml.startElement("testsuites")
        try xml.attribute("name", "polygramc verify")
        try xml.attribute("tests", String(suites.reduce(0) { $0 + $1.tests }))
        try xml.attribute("failures", String(suites.reduce(0) { $0 + $1.failures }))
        try xml.attribute("errors", String(suites.reduce(0) { $0 + $1.errors }))
        for suite in suites {
            try xml.startElement("testsuite")
            try xml.attribute("name", suite.name)
            try xml.attribute("tests", String(suite.tests))
            try xml.attribute("failures", String(suite.failures))
            try xml.attribute("errors", String(suite.errors))
            try xml.attribute("skipped", String(suite.skipped))
            for testCase in suite.cases {
                try xml.startElement("testcase")
                try xml.attribute("name", testCase.name)
                try xml.attribute("classname", testCase.classname)
                if let reason = testCase.skipped {
                    try xml.element("skipped", attributes: [("message", reason)])
                }
                if let failure = testCase.failure {
                    try xml.element("failure", attributes: [("message", failure.message), ("type", failure.type)],
                                    text: failure.text)
                }
                if let out = testCase.systemOut { try xml.element("system-out", text: out) }
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endElement()
        return try xml.finish()
    }
}
