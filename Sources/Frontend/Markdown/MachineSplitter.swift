import IR

/// One machine's heading and the elements that belong to it.
struct MachineChunk {
    var heading: Heading
    var name: String
    /// The elements after the heading, up to a separator or the next machine.
    var elements: ArraySlice<DocumentElement>
}

/// Splits a document into machines: each `# machine <Name>` heading starts
/// one, and a `---` separator ends the current one (qorca-language.md §2.1;
/// the reference's merge of all machines into one is a bug, §9 #1).
struct MachineSplitter {
    let source: SourceText

    func split(_ elements: [DocumentElement]) throws -> [MachineChunk] {
        var chunks: [MachineChunk] = []
        var open = false
        for (index, element) in elements.enumerated() {
            switch element {
            case .heading(let heading) where heading.level == 1:
                if let name = try machineName(heading) {
                    chunks.append(MachineChunk(heading: heading, name: name,
                                               elements: elements[(index + 1)..<(index + 1)]))
                    open = true
                    continue
                }
            case .separator:
                open = false
                continue
            case .heading(let heading) where heading.level == 2 && !open:
                let key = SectionKey(heading.text)
                if key.isKnown {
                    let place = chunks.isEmpty ? "before the first '# machine' heading"
                                               : "after a '---' separator, outside any machine"
                    throw source.error("section '## \(heading.text)' is \(place)",
                                       line: heading.line, column: heading.column)
                }
            default:
                break
            }
            // An open machine takes every element up to here: its slice grows by one.
            if open {
                let start = chunks[chunks.count - 1].elements.startIndex
                chunks[chunks.count - 1].elements = elements[start...index]
            }
        }
        return chunks
    }

    /// The machine name of a `# machine <Name>` heading, nil for other H1s.
    private func machineName(_ heading: Heading) throws -> String? {
        let text = heading.text
        let lower = text.lowercased()
        guard lower.hasPrefix("machine") else { return nil }
        let rest = text.dropFirst("machine".count)
        if rest.isEmpty {
            throw source.error("machine heading has no name (expected '# machine <Name>')",
                               line: heading.line, column: heading.column)
        }
        guard let first = rest.first, first.isWhitespace else { return nil }
        return rest.trimmed
    }
}
