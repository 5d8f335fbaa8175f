/// Python `repr` of nested lists of floats: `[[0.1, -0.5], [0.0, 0.0]]`.
public enum PythonList {
    public static func repr(_ tensor: [[[Double]]]) -> String {
        "[" + tensor.map { matrix in
            "[" + matrix.map { row in "[" + row.map(PythonFloat.repr).joinedText(", ") + "]" }
                .joinedText(", ") + "]"
        }.joinedText(", ") + "]"
    }
}
