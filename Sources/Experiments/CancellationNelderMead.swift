/// scipy's `minimize(method="Nelder-Mead")` without bounds, non-adaptive
/// (ρ=1, χ=2, ψ=½, σ=½), as polygram-core.md §5.6 describes it. The simplex is
/// sorted with a stable sort each iteration (scipy's `argsort` is not stable
/// on exact ties, so evaluation histories may differ there).
enum NelderMead {
    static func minimize(_ f: ([Double]) throws -> Double, x0: [Double], xatol: Double = 1e-4,
                         fatol: Double = 1e-6, maxiter: Int) rethrows -> [Double] {
        let n = x0.count
        var sim = [x0]
        for k in 0..<n {
            var y = x0
            y[k] = y[k] != 0 ? 1.05 * y[k] : 0.00025
            sim.append(y)
        }
        var fsim = try sim.map(f)
        func sort() {
            let order = fsim.indices.sorted { fsim[$0] < fsim[$1] || (fsim[$0] == fsim[$1] && $0 < $1) }
            sim = order.map { sim[$0] }
            fsim = order.map { fsim[$0] }
        }
        func combine(_ u: Double, _ x: [Double], _ v: Double, _ y: [Double]) -> [Double] {
            (0..<n).map { u * x[$0] + v * y[$0] }
        }
        sort()
        var iterations = 1
        while iterations < maxiter {
            var xspread = 0.0, fspread = 0.0
            for j in 1...n {
                for k in 0..<n { xspread = max(xspread, abs(sim[j][k] - sim[0][k])) }
                fspread = max(fspread, abs(fsim[0] - fsim[j]))
            }
            if xspread <= xatol && fspread <= fatol { break }
            var xbar = [Double](repeating: 0, count: n)
            for j in 0..<n { for k in 0..<n { xbar[k] += sim[j][k] } }
            xbar = xbar.map { $0 / Double(n) }
            let worst = sim[n]
            let xr = combine(2, xbar, -1, worst)
            let fxr = try f(xr)
            var shrink = false
            if fxr < fsim[0] {
                let xe = combine(3, xbar, -2, worst)
                let fxe = try f(xe)
                if fxe < fxr { sim[n] = xe; fsim[n] = fxe } else { sim[n] = xr; fsim[n] = fxr }
            } else if fxr < fsim[n - 1] {
                sim[n] = xr; fsim[n] = fxr
            } else if fxr < fsim[n] {
                let xc = combine(1.5, xbar, -0.5, worst)
                let fxc = try f(xc)
                if fxc <= fxr { sim[n] = xc; fsim[n] = fxc } else { shrink = true }
            } else {
                let xcc = combine(0.5, xbar, 0.5, worst)
                let fxcc = try f(xcc)
                if fxcc < fsim[n] { sim[n] = xcc; fsim[n] = fxcc } else { shrink = true }
            }
            if shrink {
                for j in 1...n {
                    sim[j] = combine(1, sim[0], 0.5, (0..<n).map { sim[j][$0] - sim[0][$0] })
                    fsim[j] = try f(sim[j])
                }
            }
            iterations += 1
            sort()
        }
        return sim[0]
    }
}
