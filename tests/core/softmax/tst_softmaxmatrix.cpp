// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the matrix softmax (core/softmax/softmaxmatrix.h) against the vector kernels. */
#include "precision/scalar.h"
#include "softmax/softmax.h"
#include "softmax/softmaxmatrix.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::Axis)

namespace {

/** Bytes that hold a value of Scalar (x87 long double: 10 of its 16). */
template <class Scalar> constexpr std::size_t valueBytes = std::is_same_v<Scalar, long double> ? 10 : sizeof(Scalar);

template <class Scalar> bool sameBits(Scalar a, Scalar b)
{
    return std::memcmp(&a, &b, valueBytes<Scalar>) == 0;
}

/** First index where the two lines differ in their bits, or -1. */
template <class Scalar> Eigen::Index firstDifference(const Vector<Scalar> &a, const Vector<Scalar> &b)
{
    if (a.size() != b.size())
        return 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (!sameBits(a[i], b[i]))
            return i;
    return -1;
}

/**
 * Test matrices. "moderate": uniform in [-8, 8]; "wide": [-150, 150], so float32 blocks leave
 * the vectorised exp's range and exps overflow and underflow; "nan"/"inf"/"-inf": moderate plus
 * that value at a different place in each line; "zeros": every entry +0 or -0 (max ties).
 */
template <class Scalar> RowMatrix<Scalar> makeMatrix(Eigen::Index rows, Eigen::Index cols, const std::string &kind)
{
    testsupport::SplitMix64 rng {static_cast<std::uint64_t>(rows * 7919 + cols)};
    RowMatrix<Scalar> z(rows, cols);
    const double range = kind == "wide" ? 150.0 : 8.0;
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            z(r, c) = kind == "zeros" ? Scalar(rng.next() & 1 ? -0.0f : 0.0f) : Scalar(rng.uniform(-range, range));
    const long double special = kind == "nan" ? std::numeric_limits<long double>::quiet_NaN()
        : kind == "inf"                       ? std::numeric_limits<long double>::infinity()
        : kind == "-inf"                      ? -std::numeric_limits<long double>::infinity()
                                              : 0.0L;
    if (special != 0.0L || std::isnan(special)) {
        for (Eigen::Index r = 0; r < rows && cols > 0; ++r)
            z(r, (r * 5) % cols) = fromLongDouble<Scalar>(special);
        for (Eigen::Index c = 0; c < cols && rows > 0; ++c)
            z((c * 3) % rows, c) = fromLongDouble<Scalar>(special);
    }
    // "mixed": one -120 per line in its second 256-block, so that block takes the C library's
    // exp (float32: -120 is below the packet range) while the other blocks take Eigen's.
    if (kind == "mixed") {
        for (Eigen::Index r = 0; r < rows && cols > 300; ++r)
            z(r, std::min<Eigen::Index>(300 + r, cols - 1)) = Scalar(-120.0f);
        for (Eigen::Index c = 0; c < cols && rows > 300; ++c)
            z(std::min<Eigen::Index>(300 + c, rows - 1), c) = Scalar(-120.0f);
    }
    return z;
}

template <class Scalar> Vector<Scalar> line(const RowMatrix<Scalar> &m, Axis axis, Eigen::Index i)
{
    if (axis == Axis::Rows)
        return m.row(i).transpose();
    return m.col(i);
}

bool sameFlags(const SoftmaxFlags &a, const SoftmaxFlags &b)
{
    return a.overflow == b.overflow && a.underflow == b.underflow && a.sumOverflow == b.sumOverflow;
}

} // namespace

class TestSoftmaxMatrix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedExample_data();
    void seedExample();
    void bitIdentity_data();
    void bitIdentity();
    void alignedOrderSum_data();
    void alignedOrderSum();
    void alignedOrderExpMatchesSafeExp_data();
    void alignedOrderExpMatchesSafeExp();
    void packetExpExhaustive();
};

// softmax([-3, 2, -1, 0]) = [0.0057, 0.8390, 0.0418, 0.1135] to 4 decimals (the course's figure),
// as one row along dim=1 and as one column along dim=0; the other axis gives all ones.
void TestSoftmaxMatrix::seedExample_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : {Format::Float32, Format::Float64, Format::Float80})
        QTest::addRow("%s", formatName(f).data()) << f;
}

void TestSoftmaxMatrix::seedExample()
{
    QFETCH(Format, format);
    visitFormat(format, [](auto tag) {
        using S = typename decltype(tag)::type;
        RowMatrix<S> row(1, 4);
        row << S(-3), S(2), S(-1), S(0);
        const RowMatrix<S> col = row.transpose();
        const double expected[] = {0.0057, 0.8390, 0.0418, 0.1135};
        const RowMatrix<S> byRow = shiftedSoftmax<S>(row, Axis::Rows);
        const RowMatrix<S> byCol = shiftedSoftmax<S>(col, Axis::Columns);
        const HighamMatrixResult<S> h = highamSoftmax<S>(row, Axis::Rows);
        const RowMatrix<S> online = onlineSoftmax<S>(col, Axis::Columns);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(std::round(double(byRow(0, i)) * 1e4) / 1e4, expected[i]);
            QCOMPARE(std::round(double(byCol(i, 0)) * 1e4) / 1e4, expected[i]);
            QCOMPARE(std::round(double(h.softmax(0, i)) * 1e4) / 1e4, expected[i]);
            QCOMPARE(std::round(double(online(i, 0)) * 1e4) / 1e4, expected[i]);
        }
        // Along the other axis each line has one element: softmax 1, log-softmax 0.
        QVERIFY((shiftedSoftmax<S>(row, Axis::Columns) == S(1)).all());
        QVERIFY((logSoftmax<S>(col, Axis::Rows) == S(0)).all());
    });
}

void TestSoftmaxMatrix::bitIdentity_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<Axis>("axis");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<QString>("kind");
    struct Shape {
        int rows, cols;
        const char *kind;
    };
    const Shape shapes[] = {
        {7, 13, "moderate"},
        {5, 300, "moderate"},
        {40, 10, "moderate"},
        {3, 1027, "wide"},
        {6, 17, "nan"},
        {6, 17, "inf"},
        {6, 17, "-inf"},
        {4, 9, "zeros"},
        {0, 5, "moderate"},
        {5, 0, "moderate"},
        {3, 1027, "mixed"},
        {1027, 3, "mixed"},
        {1, 1, "moderate"},
        {1, 1, "nan"},
        {2, 100000, "moderate"},
        {100000, 2, "moderate"},
        // Shapes that reach the 8-rows-at-a-time path for float rows of 8-15 columns (dim=1),
        // with every special value and a partial last group.
        {16, 10, "nan"},
        {16, 10, "inf"},
        {16, 10, "-inf"},
        {16, 9, "zeros"},
        {24, 10, "wide"},
        {17, 15, "moderate"},
        {19, 8, "mixed"},
    };
    for (Format f : allFormats)
        for (Axis axis : {Axis::Rows, Axis::Columns})
            for (const Shape &s : shapes) {
                // 100,000-element lines run along the axis under test only.
                if ((s.cols == 100000 && axis == Axis::Columns) || (s.rows == 100000 && axis == Axis::Rows))
                    continue;
                QTest::addRow("%s dim=%d %dx%d %s", formatName(f).data(), int(axis), s.rows, s.cols, s.kind)
                    << f << axis << s.rows << s.cols << QString::fromLatin1(s.kind);
            }
    // float32 rows of a matrix of >= 16 MiB take the streaming-store path.
    QTest::addRow("float32 dim=1 4200x1000 mixed (streamed output)")
        << Format::Float32 << Axis::Rows << 4200 << 1000 << QStringLiteral("mixed");
    QTest::addRow("float32 dim=1 4200x1000 moderate (streamed output)")
        << Format::Float32 << Axis::Rows << 4200 << 1000 << QStringLiteral("moderate");
}

// Every line of every matrix method equals, bit for bit, the vector kernel applied to a copy of
// that line in a fresh Vector; the flags equal the OR of the vector kernels' flags.
void TestSoftmaxMatrix::bitIdentity()
{
    QFETCH(Format, format);
    QFETCH(Axis, axis);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(QString, kind);
    visitFormat(format, [&](auto tag) {
        using S = typename decltype(tag)::type;
        const RowMatrix<S> z = makeMatrix<S>(rows, cols, kind.toStdString());
        SoftmaxFlags fNaive, fShifted, fLog, fHigham, fOnline;
        const RowMatrix<S> naive = naiveSoftmax<S>(z, axis, &fNaive);
        const RowMatrix<S> shifted = shiftedSoftmax<S>(z, axis, &fShifted);
        const RowMatrix<S> logs = logSoftmax<S>(z, axis, &fLog);
        const HighamMatrixResult<S> h = highamSoftmax<S>(z, axis, &fHigham);
        const RowMatrix<S> online = onlineSoftmax<S>(z, axis, &fOnline);
        QCOMPARE(naive.rows(), z.rows());
        QCOMPARE(naive.cols(), z.cols());
        QCOMPARE(h.logSumExp.size(), axis == Axis::Rows ? z.rows() : z.cols());

        SoftmaxFlags vNaive, vShifted, vLog, vHigham, vOnline;
        const Eigen::Index lines = axis == Axis::Rows ? z.rows() : z.cols();
        for (Eigen::Index i = 0; i < lines; ++i) {
            const Vector<S> in = line(z, axis, i);
            Vector<S> out(in.size());
            naiveSoftmax<S>(in, out, &vNaive);
            QCOMPARE(firstDifference<S>(line(naive, axis, i), out), Eigen::Index(-1));
            shiftedSoftmax<S>(in, out, &vShifted);
            QCOMPARE(firstDifference<S>(line(shifted, axis, i), out), Eigen::Index(-1));
            logSoftmax<S>(in, out, &vLog);
            QCOMPARE(firstDifference<S>(line(logs, axis, i), out), Eigen::Index(-1));
            const HighamResult<S> hv = highamSoftmax<S>(in, &vHigham);
            QCOMPARE(firstDifference<S>(line(h.softmax, axis, i), hv.softmax), Eigen::Index(-1));
            QCOMPARE(firstDifference<S>(line(h.logSoftmax, axis, i), hv.logSoftmax), Eigen::Index(-1));
            QVERIFY(sameBits(h.logSumExp[i], hv.logSumExp));
            onlineSoftmax<S>(in, out, &vOnline);
            QCOMPARE(firstDifference<S>(line(online, axis, i), out), Eigen::Index(-1));
        }
        // Without flags (the 8-row groups for short float rows take over): the same bits.
        const RowMatrix<S> naiveNoFlags = naiveSoftmax<S>(z, axis);
        for (Eigen::Index i = 0; i < z.size(); ++i)
            QVERIFY(sameBits(naiveNoFlags.data()[i], naive.data()[i]));
        // In place (out is z) gives the same bits.
        RowMatrix<S> inPlace = z;
        shiftedSoftmax<S>(inPlace, axis, inPlace);
        for (Eigen::Index i = 0; i < z.size(); ++i)
            QVERIFY(sameBits(inPlace.data()[i], shifted.data()[i]));
        inPlace = z;
        logSoftmax<S>(inPlace, axis, inPlace);
        for (Eigen::Index i = 0; i < z.size(); ++i)
            QVERIFY(sameBits(inPlace.data()[i], logs.data()[i]));
        inPlace = z;
        onlineSoftmax<S>(inPlace, axis, inPlace);
        for (Eigen::Index i = 0; i < z.size(); ++i)
            QVERIFY(sameBits(inPlace.data()[i], online.data()[i]));
        QVERIFY(sameFlags(fNaive, vNaive));
        QVERIFY(sameFlags(fShifted, vShifted));
        QVERIFY(sameFlags(fLog, vLog));
        QVERIFY(sameFlags(fHigham, vHigham));
        QVERIFY(sameFlags(fOnline, vOnline));
        // Independent sanity: a line of finite moderate logits sums to 1 within n ulps.
        const Eigen::Index n = axis == Axis::Rows ? z.cols() : z.rows();
        if (kind == QLatin1String("moderate") && format == Format::Float64 && lines > 0 && n > 0) {
            const double total = double(line(shifted, axis, 0).template cast<double>().sum());
            QVERIFY2(std::abs(total - 1.0) <= double(n + 2) * 0x1p-52, std::to_string(total).c_str());
        }
        // NaN anywhere in a line makes that whole line NaN (PyTorch does the same).
        if (kind == QLatin1String("nan") && lines > 0 && n > 0)
            QVERIFY(line(shifted, axis, 0).isNaN().all());
        if (kind == QLatin1String("wide") && format == Format::Float32) {
            QVERIFY(fNaive.overflow);
            QVERIFY(fShifted.underflow);
        }
    });
}

void TestSoftmaxMatrix::alignedOrderSum_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : allFormats)
        QTest::addRow("%s", formatName(f).data()) << f;
}

// detail::alignedOrderSum at any offset equals Eigen's own sum() of a fresh (aligned) Vector.
void TestSoftmaxMatrix::alignedOrderSum()
{
    QFETCH(Format, format);
    visitFormat(format, [](auto tag) {
        using S = typename decltype(tag)::type;
        testsupport::SplitMix64 rng {42};
        Vector<S> buffer(1100);
        for (Eigen::Index i = 0; i < buffer.size(); ++i)
            buffer[i] = S(rng.uniform(0.0, 1.0));
        for (Eigen::Index n = 1; n < 1040; n += (n < 300 ? 1 : 37)) {
            for (Eigen::Index offset : {0, 1, 3, 5}) {
                const Vector<S> fresh = buffer.segment(offset, n);
                const S expected = fresh.sum();
                QVERIFY2(sameBits(detail::alignedOrderSum(buffer.data() + offset, n), expected),
                    (std::to_string(n) + " at offset " + std::to_string(offset)).c_str());
            }
        }
    });
}

void TestSoftmaxMatrix::alignedOrderExpMatchesSafeExp_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("range");
    for (Format f : allFormats)
        for (double range : {10.0, 100.0, 800.0})
            QTest::addRow("%s +-%g", formatName(f).data(), range) << f << range;
}

// detail::alignedOrderExp at any offset equals safeExp into a fresh (aligned) Vector.
void TestSoftmaxMatrix::alignedOrderExpMatchesSafeExp()
{
    QFETCH(Format, format);
    QFETCH(double, range);
    visitFormat(format, [range](auto tag) {
        using S = typename decltype(tag)::type;
        testsupport::SplitMix64 rng {7};
        Vector<S> buffer(1100);
        for (Eigen::Index i = 0; i < buffer.size(); ++i)
            buffer[i] = S(rng.uniform(-range, range * 0.2));
        for (Eigen::Index n : {1, 7, 8, 9, 255, 256, 257, 300, 1027}) {
            for (Eigen::Index offset : {0, 1, 3}) {
                const Vector<S> fresh = buffer.segment(offset, n);
                Vector<S> expected(n), got(n + offset);
                safeExp(fresh.data(), expected.data(), n);
                detail::alignedOrderExp<S>(buffer.data() + offset, got.data() + offset, n, nullptr);
                QCOMPARE(firstDifference<S>(got.segment(offset, n), expected), Eigen::Index(-1));
            }
        }
    });
}

// detail::pexpInRange gives Eigen's pexp bits for every float in [lo, hi] of VectorExpRange
// (about 2.2e9 values; a few seconds).
// Eigen's packet types carry alignment attributes that GCC drops in template arguments.
#pragma GCC diagnostic ignored "-Wignored-attributes"
void TestSoftmaxMatrix::packetExpExhaustive()
{
    namespace ei = Eigen::internal;
    using Packet = ei::packet_traits<float>::type;
    constexpr int w = ei::unpacket_traits<Packet>::size;
    const auto check = [](std::uint32_t firstBits, std::uint32_t lastBits) {
        alignas(32) float x[w];
        alignas(32) float a[w];
        alignas(32) float b[w];
        std::uint64_t mismatches = 0;
        for (std::uint64_t bits = firstBits; bits <= lastBits; bits += w) {
            for (int j = 0; j < w; ++j) {
                const std::uint32_t u = static_cast<std::uint32_t>(std::min<std::uint64_t>(bits + j, lastBits));
                std::memcpy(&x[j], &u, 4);
            }
            const Packet p = ei::pload<Packet>(x);
            ei::pstore(a, detail::pexpInRange(p));
            ei::pstore(b, ei::pexp(p));
            mismatches += std::memcmp(a, b, sizeof a) != 0;
        }
        return mismatches;
    };
    const auto bitsOf = [](float f) {
        std::uint32_t u;
        std::memcpy(&u, &f, 4);
        return u;
    };
    // Non-negative floats 0 .. hi, then negative ones -0 .. lo (bit patterns grow with |x|).
    QCOMPARE(check(0u, bitsOf(VectorExpRange<float>::hi)), std::uint64_t(0));
    QCOMPARE(check(bitsOf(-0.0f), bitsOf(VectorExpRange<float>::lo)), std::uint64_t(0));
}

QTEST_APPLESS_MAIN(TestSoftmaxMatrix)
#include "tst_softmaxmatrix.moc"
