// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests for core/nn/formatkernels.h: dotRows(), outerSum() and columnSums() for float16 and
 * bfloat16 in both accumulations, every output compared bit for bit with an MPFR re-implementation
 * of the documented summation order (formatreference.h), and the flushed-to-zero counts with a
 * count of our own.
 */
#include "formatreference.h"

#include "nn/densekernels.h" // formatkernels.h uses its kernels::Index without including it
#include "nn/formatkernels.h"
#include "precision/scalar.h"
#include "random/rng.h"

#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using logitlab::Accumulation;
using logitlab::Format;
using logitlab::Rng;

Q_DECLARE_METATYPE(logitlab::Accumulation)

namespace {

using Index = Eigen::Index;

/** What a row plants in its random inputs. */
enum class Plant {
    None,
    NaN, ///< a NaN in the first operand
    Inf, ///< +inf in the second operand
    InfTimesZero, ///< inf in one operand where the other is 0: the product is NaN
    OppositeInfs ///< +inf and -inf terms in one sum: inf - inf is NaN
};

} // namespace

Q_DECLARE_METATYPE(Plant)

namespace {

constexpr long double kInf = std::numeric_limits<long double>::infinity();
constexpr long double kNaN = std::numeric_limits<long double>::quiet_NaN();

/** The exponent range and the sizes of one row. */
struct Inputs {
    Format format = Format::Float16;
    int expLo = -4, expHi = 3; ///< each input is +-(1 + m / 2^(p-1)) * 2^e, e uniform in [expLo, expHi]
};

/** A random value of \a f: random sign, exponent in [lo, hi] and significand, rounded into \a f by MPFR. */
long double randomValue(Format f, int lo, int hi, Rng &rng)
{
    const int p = logitlab::formatInfo(f).precision;
    const int e = lo + int(rng.below(std::uint64_t(hi - lo + 1)));
    const long double significand = 1.0L + std::ldexp((long double)rng.below(std::uint64_t(1) << (p - 1)), 1 - p);
    const long double v = std::ldexp(significand, e) * (rng.below(2) ? -1.0L : 1.0L);
    return formatref::round(v, f); // exact unless e is below the normal range
}

std::vector<long double> randomValues(std::size_t count, const Inputs &in, Rng &rng)
{
    std::vector<long double> v(count);
    for (long double &x : v)
        x = randomValue(in.format, in.expLo, in.expHi, rng);
    return v;
}

template <class S> std::vector<S> toFormat(const std::vector<long double> &v)
{
    std::vector<S> r(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        r[i] = logitlab::fromLongDouble<S>(v[i]); // exact: v holds values of S
    return r;
}

/** Bits equal, or both NaN (a NaN's sign and payload are not specified). */
template <class S> bool sameBits(S got, long double want)
{
    const float g = static_cast<float>(got);
    if (std::isnan(want) || std::isnan(g))
        return std::isnan(want) && std::isnan(g);
    return Eigen::numext::bit_cast<std::uint16_t>(got)
        == Eigen::numext::bit_cast<std::uint16_t>(logitlab::fromLongDouble<S>(want));
}

QString describe(long double got, long double want)
{
    return QStringLiteral("got %1, expected %2").arg(double(got), 0, 'g', 17).arg(double(want), 0, 'g', 17);
}

/**
 * Plants the row's special values into the terms of one sum: \a a0 * \a b0 is its first term and
 * \a a1 * \a b1 its last (the same term when the sum has one).
 */
void plant(Plant p, long double &a0, long double &b0, long double &a1, long double &b1)
{
    switch (p) {
    case Plant::None: break;
    case Plant::NaN: a1 = kNaN; break;
    case Plant::Inf: b0 = kInf; break;
    case Plant::InfTimesZero:
        a1 = kInf;
        b1 = 0.0L;
        break;
    case Plant::OppositeInfs:
        a0 = kInf;
        b0 = 1.0L;
        a1 = -kInf;
        b1 = 1.0L;
        break;
    }
}

void addSizeColumns()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<Accumulation>("acc");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("expLo");
    QTest::addColumn<int>("expHi");
    QTest::addColumn<Plant>("planted");
    QTest::addColumn<bool>("mustFlush"); ///< the row is built so that some output is flushed
}

const char *nameOf(Format f)
{
    return f == Format::Float16 ? "float16" : "bfloat16";
}
const char *nameOf(Accumulation a)
{
    return a == Accumulation::Format ? "format" : "float32";
}

/**
 * Rows for every format and accumulation: the sizes (1, 7, 8, 9, 17, 33 cover one lane set, the
 * pairwise reduction and the scalar tail), then the special rows.
 */
void addRows(bool countsFlushes)
{
    addSizeColumns();
    for (Format f : {Format::Float16, Format::BFloat16})
        for (Accumulation acc : {Accumulation::Format, Accumulation::Float32}) {
            for (int n : {1, 7, 8, 9, 17, 33})
                QTest::addRow("%s %s n=%d", nameOf(f), nameOf(acc), n)
                    << f << acc << n << -4 << 3 << Plant::None << false;
            QTest::addRow("%s %s NaN input", nameOf(f), nameOf(acc))
                << f << acc << 17 << -4 << 3 << Plant::NaN << false;
            QTest::addRow("%s %s inf input", nameOf(f), nameOf(acc)) << f << acc << 9 << -4 << 3 << Plant::Inf << false;
            QTest::addRow("%s %s inf times zero", nameOf(f), nameOf(acc))
                << f << acc << 9 << -4 << 3 << Plant::InfTimesZero << false;
            QTest::addRow("%s %s inf minus inf", nameOf(f), nameOf(acc))
                << f << acc << 33 << -4 << 3 << Plant::OppositeInfs << false;
        }
    // float16: products of inputs in [2^-14, 2^-11) lie in [2^-28, 2^-22): many round to 0 (below
    // 2^-25) or to the smallest subnormals. Inputs in [2^7, 2^10) give products up to 2^20 > 65520.
    for (Accumulation acc : {Accumulation::Format, Accumulation::Float32}) {
        for (int n : {8, 33})
            QTest::addRow("float16 %s products underflow n=%d", nameOf(acc), n)
                << Format::Float16 << acc << n << -14 << -12 << Plant::None << countsFlushes;
        QTest::addRow("float16 %s subnormal inputs", nameOf(acc))
            << Format::Float16 << acc << 17 << -24 << -15 << Plant::None << countsFlushes;
        for (int n : {8, 17})
            QTest::addRow("float16 %s products overflow n=%d", nameOf(acc), n)
                << Format::Float16 << acc << n << 7 << 9 << Plant::None << false;
        // bfloat16: products of inputs in [2^-70, 2^-58) lie in [2^-140, 2^-116): below 2^-126 float
        // itself is subnormal (the double-rounding fix of formatlanes.h), below 2^-134 they round to 0.
        for (int n : {8, 9, 33})
            QTest::addRow("bfloat16 %s products below 2^-126 n=%d", nameOf(acc), n)
                << Format::BFloat16 << acc << n << -70 << -59 << Plant::None << false;
        QTest::addRow("bfloat16 %s products underflow", nameOf(acc))
            << Format::BFloat16 << acc << 17 << -72 << -68 << Plant::None << countsFlushes;
        QTest::addRow("bfloat16 %s products overflow", nameOf(acc))
            << Format::BFloat16 << acc << 17 << 62 << 66 << Plant::None << false;
    }
}

} // namespace

class TestFormatKernels : public QObject {
    Q_OBJECT

    /**
     * dotRows() for rows 1..5 and cols 1..4 (every register block shape and remainder) with rows
     * of width n; w rows strided by n + 2 and out by cols + 1, untouched padding checked.
     */
    template <class S> void checkDot(const Inputs &in, int n, Accumulation acc, Plant planted)
    {
        Rng rng(std::uint64_t(n) * 131 + std::uint64_t(in.expLo + 1000));
        for (int rows = 1; rows <= 5; ++rows)
            for (int cols = 1; cols <= 4; ++cols) {
                const Index ldw = n + 2, ldo = cols + 1;
                std::vector<long double> x = randomValues(std::size_t(rows) * n, in, rng);
                std::vector<long double> w = randomValues(std::size_t(cols) * ldw, in, rng);
                std::vector<long double> bias = randomValues(std::size_t(cols), in, rng);
                // The sum of stored row 0 and column 0 (out[rows - 1][0], the rows being reversed).
                plant(planted, x[0], w[0], x[std::size_t(n) - 1], w[std::size_t(n) - 1]);
                const std::vector<S> xs = toFormat<S>(x), ws = toFormat<S>(w), bs = toFormat<S>(bias);
                std::vector<const S *> rowPtr(static_cast<std::size_t>(rows));
                for (int r = 0; r < rows; ++r) // rows in reverse order, as a shuffled batch
                    rowPtr[std::size_t(r)] = xs.data() + std::size_t(rows - 1 - r) * n;
                const S sentinel = S(12345.0f);
                std::vector<S> out(std::size_t(rows) * ldo, sentinel);
                logitlab::kernels::dotRows(
                    rowPtr.data(), rows, ws.data(), ldw, cols, n, bs.data(), out.data(), ldo, acc);
                for (int r = 0; r < rows; ++r)
                    for (int c = 0; c < cols; ++c) {
                        const std::size_t xr = std::size_t(rows - 1 - r) * n, wc = std::size_t(c) * ldw;
                        const std::vector<long double> xv(x.begin() + xr, x.begin() + xr + n),
                            wv(w.begin() + wc, w.begin() + wc + n);
                        const long double want = formatref::dot(xv, wv, bias[std::size_t(c)], in.format, acc);
                        const S got = out[std::size_t(r * ldo + c)];
                        QVERIFY2(sameBits(got, want),
                            qPrintable(QStringLiteral("rows=%1 cols=%2 r=%3 c=%4: ").arg(rows).arg(cols).arg(r).arg(c)
                                + describe(logitlab::toLongDouble(got), want)));
                    }
                for (int r = 0; r < rows; ++r)
                    QVERIFY(sameBits(out[std::size_t(r * ldo + cols)], 12345.0L)); // stride padding
            }
    }

    /**
     * outerSum(): out[i][k] = sum_t a(i, t) b[t][k] for rows 1..5 and depth 1..4, with a stored
     * row-major (rows x depth) or transposed, as the backward pass uses both. Adds the flushed
     * count expected to \a expectedTotal (to check that a row really exercises flushing).
     */
    template <class S>
    void checkOuter(const Inputs &in, int n, Accumulation acc, Plant planted, long long &expectedTotal)
    {
        Rng rng(std::uint64_t(n) * 977 + std::uint64_t(in.expLo + 1000));
        for (int rows = 1; rows <= 5; ++rows)
            for (int depth = 1; depth <= 4; ++depth) {
                const bool transposed = (rows + depth) % 2 == 1;
                const Index aRow = transposed ? 1 : depth, aCol = transposed ? rows : 1;
                const Index ldo = n + 1;
                std::vector<long double> a = randomValues(std::size_t(rows) * depth, in, rng);
                std::vector<long double> b = randomValues(std::size_t(depth) * n, in, rng);
                // The sum of out[0][0]: terms a(0, t) b[t][0].
                plant(planted, a[0], b[0], a[std::size_t((depth - 1) * aCol)], b[std::size_t(depth - 1) * n]);
                const std::vector<S> as = toFormat<S>(a), bs = toFormat<S>(b);
                std::vector<const S *> bRows(static_cast<std::size_t>(depth));
                for (int t = 0; t < depth; ++t)
                    bRows[std::size_t(t)] = bs.data() + std::size_t(t) * n;
                std::vector<S> out(std::size_t(rows) * ldo, S(12345.0f));
                const long long flushed = logitlab::kernels::outerSum(
                    as.data(), aRow, aCol, rows, bRows.data(), depth, n, out.data(), ldo, acc);
                long long expected = 0;
                for (int i = 0; i < rows; ++i)
                    for (int k = 0; k < n; ++k) {
                        std::vector<long double> av(static_cast<std::size_t>(depth)),
                            bv(static_cast<std::size_t>(depth));
                        for (int t = 0; t < depth; ++t) {
                            av[std::size_t(t)] = a[std::size_t(i * aRow + t * aCol)];
                            bv[std::size_t(t)] = b[std::size_t(t) * n + std::size_t(k)];
                        }
                        const formatref::Output want = formatref::orderedDot(av, bv, in.format, acc);
                        expected += want.flushed;
                        const S got = out[std::size_t(i * ldo + k)];
                        QVERIFY2(sameBits(got, want.value),
                            qPrintable(QStringLiteral("rows=%1 depth=%2 i=%3 k=%4: ").arg(rows).arg(depth).arg(i).arg(k)
                                + describe(logitlab::toLongDouble(got), want.value)));
                    }
                QVERIFY2(flushed == expected,
                    qPrintable(QStringLiteral("rows=%1 depth=%2: flushed %3, expected %4")
                                   .arg(rows)
                                   .arg(depth)
                                   .arg(flushed)
                                   .arg(expected)));
                expectedTotal += expected;
            }
    }

    /** columnSums() of a rows x n matrix for rows 1..5 (the batch). */
    template <class S> void checkColumnSums(const Inputs &in, int n, Accumulation acc, Plant planted)
    {
        Rng rng(std::uint64_t(n) * 31 + std::uint64_t(in.expLo + 1000));
        for (int rows = 1; rows <= 5; ++rows) {
            std::vector<long double> m = randomValues(std::size_t(rows) * n, in, rng);
            // The sum of column 0: its first term m[0] and its last m[(rows - 1) n].
            long double &first = m[0], &last = m[std::size_t(rows - 1) * n];
            if (planted == Plant::NaN)
                last = kNaN;
            else if (planted == Plant::Inf)
                first = kInf;
            else if (planted == Plant::OppositeInfs) {
                first = kInf;
                last = -kInf;
            }
            const std::vector<S> ms = toFormat<S>(m);
            std::vector<S> out(std::size_t(n), S(12345.0f));
            const long long flushed = logitlab::kernels::columnSums(ms.data(), rows, n, out.data(), acc);
            long long expected = 0;
            for (int j = 0; j < n; ++j) {
                std::vector<long double> column(static_cast<std::size_t>(rows));
                for (int t = 0; t < rows; ++t)
                    column[std::size_t(t)] = m[std::size_t(t) * n + std::size_t(j)];
                const formatref::Output want = formatref::orderedSum(column, in.format, acc);
                expected += want.flushed;
                QVERIFY2(sameBits(out[std::size_t(j)], want.value),
                    qPrintable(QStringLiteral("rows=%1 j=%2: ").arg(rows).arg(j)
                        + describe(logitlab::toLongDouble(out[std::size_t(j)]), want.value)));
            }
            QCOMPARE(flushed, expected);
        }
    }

private Q_SLOTS:
    void dotRows_data() { addRows(false); }
    void dotRows()
    {
        QFETCH(Format, format);
        QFETCH(Accumulation, acc);
        QFETCH(int, n);
        QFETCH(int, expLo);
        QFETCH(int, expHi);
        QFETCH(Plant, planted);
        const Inputs in {format, expLo, expHi};
        if (format == Format::Float16)
            checkDot<Eigen::half>(in, n, acc, planted);
        else
            checkDot<Eigen::bfloat16>(in, n, acc, planted);
    }

    void outerSum_data() { addRows(true); }
    void outerSum()
    {
        QFETCH(Format, format);
        QFETCH(Accumulation, acc);
        QFETCH(int, n);
        QFETCH(int, expLo);
        QFETCH(int, expHi);
        QFETCH(Plant, planted);
        QFETCH(bool, mustFlush);
        const Inputs in {format, expLo, expHi};
        long long flushed = 0;
        if (format == Format::Float16)
            checkOuter<Eigen::half>(in, n, acc, planted, flushed);
        else
            checkOuter<Eigen::bfloat16>(in, n, acc, planted, flushed);
        if (mustFlush)
            QVERIFY2(flushed > 0, "this row was meant to flush some outputs to zero");
    }

    void columnSums_data()
    {
        addSizeColumns();
        for (Format f : {Format::Float16, Format::BFloat16})
            for (Accumulation acc : {Accumulation::Format, Accumulation::Float32}) {
                for (int n : {1, 7, 8, 9, 17, 33})
                    QTest::addRow("%s %s n=%d", nameOf(f), nameOf(acc), n)
                        << f << acc << n << -4 << 3 << Plant::None << false;
                QTest::addRow("%s %s NaN input", nameOf(f), nameOf(acc))
                    << f << acc << 9 << -4 << 3 << Plant::NaN << false;
                QTest::addRow("%s %s inf input", nameOf(f), nameOf(acc))
                    << f << acc << 9 << -4 << 3 << Plant::Inf << false;
                QTest::addRow("%s %s inf minus inf", nameOf(f), nameOf(acc))
                    << f << acc << 9 << -4 << 3 << Plant::OppositeInfs << false;
                QTest::addRow("%s %s overflow", nameOf(f), nameOf(acc))
                    << f << acc << 9 << (f == Format::Float16 ? 14 : 126) << (f == Format::Float16 ? 15 : 127)
                    << Plant::None << false;
            }
    }
    void columnSums()
    {
        QFETCH(Format, format);
        QFETCH(Accumulation, acc);
        QFETCH(int, n);
        QFETCH(int, expLo);
        QFETCH(int, expHi);
        QFETCH(Plant, planted);
        const Inputs in {format, expLo, expHi};
        // A sum of values of a format is a multiple of its smallest subnormal, in float32 too, so
        // a nonzero sum never rounds to 0: columnSums() can flush nothing (checked as a count of 0).
        if (format == Format::Float16)
            checkColumnSums<Eigen::half>(in, n, acc, planted);
        else
            checkColumnSums<Eigen::bfloat16>(in, n, acc, planted);
    }
};

QTEST_APPLESS_MAIN(TestFormatKernels)
#include "tst_formatkernels.moc"
