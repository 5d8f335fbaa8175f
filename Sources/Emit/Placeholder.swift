import IR
