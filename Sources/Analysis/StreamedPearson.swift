/// Pearson r of paired samples fed in blocks, in memory O(1) across blocks:
/// each block's centred sums are formed around the block's own means (two
/// passes over the block), then merged with Chan et al.'s pairwise update.
/// Gives the number `SAEImport.pearson` gives for all the samples at once
/// (to rounding), without holding O(N²) pair samples.
struct StreamedPearson {
    private(set) var count = 0.0
    private var meanX = 0.0, meanY = 0.0
    /// Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ).
    private var sxx = 0.0, syy = 0.0, sxy = 0.0

    /// Adds the samples `(xs[k], ys[k])` for k < `count`.
    mutating func add(_ xs: UnsafePointer<Double>, _ ys: UnsafePointer<Double>, count m: Int) {
        guard m > 0 else { return }
        var sumX = 0.0, sumY = 0.0
        for k in 0..<m {
            sumX += xs[k]
            sumY += ys[k]
        }
        let n = Double(m)
        let mx = sumX / n, my = sumY / n
        var bxx = 0.0, byy = 0.0, bxy = 0.0
        for k in 0..<m {
            let dx = xs[k] - mx, dy = ys[k] - my
            bxx += dx * dx
            byy += dy * dy
            bxy += dx * dy
        }
        merge(count: n, meanX: mx, meanY: my, sxx: bxx, syy: byy, sxy: bxy)
    }

    private mutating func merge(count nb: Double, meanX mxb: Double, meanY myb: Double,
                                sxx bxx: Double, syy byy: Double, sxy bxy: Double) {
        guard count > 0 else {
            (count, meanX, meanY, sxx, syy, sxy) = (nb, mxb, myb, bxx, byy, bxy)
            return
        }
        let na = count, n = na + nb
        let dx = mxb - meanX, dy = myb - meanY
        let w = na * nb / n
        sxx += bxx + dx * dx * w
        syy += byy + dy * dy * w
        sxy += bxy + dx * dy * w
        meanX += dx * nb / n
        meanY += dy * nb / n
        count = n
    }

    /// r, or NaN when either side is flat (population σ < 1e-12), as `SAEImport.pearson`.
    var value: Double {
        let sx = (sxx / count).squareRoot(), sy = (syy / count).squareRoot()
        guard sx >= 1e-12, sy >= 1e-12 else { return .nan }
        return sxy / (sxx.squareRoot() * syy.squareRoot())
    }
}
