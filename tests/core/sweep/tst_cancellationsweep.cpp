// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The rounding lab's cancellation sweep against native IEEE arithmetic and MPFR. */
#include "sweep/cancellationsweep.h"
#include "testsupport.h"

#include <QTest>

#include <mpreal.h>

#include <cmath>

using namespace logitlab;

namespace {

/** |computed - 2/n| / (2/n), the difference taken exactly (MPFR at 256 bits). */
double relativeErrorOf(long double computed, double n)
{
    const mpfr::mpreal exact = mpfr::mpreal(2, 256) / mpfr::mpreal(n, 256);
    return mpfr::mpreal(abs(mpfr::mpreal(computed, 256) - exact) / exact).toDouble();
}

/** (1 + 1/n) - (1 - 1/n) with every operation rounded in T (IEEE: correctly rounded). */
template <class T> long double inFormat(double n)
{
    const T inverse = T(1) / static_cast<T>(n);
    return static_cast<long double>((T(1) + inverse) - (T(1) - inverse));
}

/** The window's sweep, computed once for the whole test. */
const CancellationSweep &windowSweep()
{
    static const CancellationSweep s = computeCancellationSweep(CancellationSweepInput {}.points, [] { return false; });
    return s;
}

} // namespace

class TestCancellationSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void grid();
    void relativeError_data();
    void relativeError();
    void epsilonTrend_data();
    void epsilonTrend();
    void cancelled();
};

// n = round(10^(8 i / 240)): 1 at i = 0, 10^4 at the middle, 10^8 at the end.
void TestCancellationSweep::grid()
{
    const CancellationSweep &s = windowSweep();
    QCOMPARE(s.n.size(), std::size_t(241));
    QCOMPARE(s.n.front(), 1.0);
    QCOMPARE(s.n[30], 10.0);
    QCOMPARE(s.n[120], 10000.0);
    QCOMPARE(s.n.back(), 1e8);
    for (const auto &series : s.relativeError)
        QCOMPARE(series.size(), std::size_t(241));
}

void TestCancellationSweep::relativeError_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("expected");
    const auto row = [](const char *name, int index, Format f, double expected) {
        QTest::addRow("%s", name) << index << f << expected;
    };
    // n = 1: (1 + 1) - (1 - 1) = 2 exactly in every format.
    for (Format f : allFormats)
        row(qPrintable(QStringLiteral("n=1 exact in %1").arg(QLatin1String(formatName(f).data()))), 0, f, 0.0);
    // Native float/double/long double arithmetic is the independent evaluation.
    row("n=1e4 float32", 120, Format::Float32, relativeErrorOf(inFormat<float>(1e4), 1e4));
    row("n=1e4 float64", 120, Format::Float64, relativeErrorOf(inFormat<double>(1e4), 1e4));
    row("n=1e4 float80", 120, Format::Float80, relativeErrorOf(inFormat<long double>(1e4), 1e4));
    row("n=1e6 float32", 180, Format::Float32, relativeErrorOf(inFormat<float>(1e6), 1e6));
    // 1 + 1/n rounds to 1 once 1/n < eps/2: float32 at n = 1e8 (1e-8 < 2^-24), float16 at n = 1e4
    // (1e-4 < 2^-11) and bfloat16 too (1e-4 < 2^-8): the result is 0, 100% off.
    row("n=1e8 float32 cancels to 0", 240, Format::Float32, 1.0);
    row("n=1e4 float16 cancels to 0", 120, Format::Float16, 1.0);
    row("n=1e4 bfloat16 cancels to 0", 120, Format::BFloat16, 1.0);
}

void TestCancellationSweep::relativeError()
{
    QFETCH(int, index);
    QFETCH(Format, format);
    QFETCH(double, expected);
    const double got = windowSweep().relativeError[static_cast<std::size_t>(format)][static_cast<std::size_t>(index)];
    QVERIFY2(std::fabs(got - expected) <= 1e-12 * expected, qPrintable(QString::number(got, 'g', 17)));
}

// The dashed trend min(1, eps n): eps = 2^-23 for float32, 2^-10 for float16 (capped at 1).
void TestCancellationSweep::epsilonTrend_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("expected");
    QTest::addRow("float32 n=1") << 0 << Format::Float32 << 0x1p-23;
    QTest::addRow("float32 n=1e4") << 120 << Format::Float32 << 1e4 * 0x1p-23;
    QTest::addRow("float64 n=1e8") << 240 << Format::Float64 << 1e8 * 0x1p-52;
    QTest::addRow("float80 n=1e8") << 240 << Format::Float80 << 1e8 * 0x1p-63;
    QTest::addRow("float16 n=1e4 capped at 1") << 120 << Format::Float16 << 1.0;
    QTest::addRow("bfloat16 n=10") << 30 << Format::BFloat16 << 10 * 0x1p-7;
}

void TestCancellationSweep::epsilonTrend()
{
    QFETCH(int, index);
    QFETCH(Format, format);
    QFETCH(double, expected);
    QCOMPARE(windowSweep().epsilonN[static_cast<std::size_t>(format)][static_cast<std::size_t>(index)], expected);
}

void TestCancellationSweep::cancelled()
{
    const CancellationSweep s = computeCancellationSweep(241, [] { return true; });
    QVERIFY(s.n.empty());
    QVERIFY(s.epsilonN[0].empty());
}

QTEST_APPLESS_MAIN(TestCancellationSweep)
#include "tst_cancellationsweep.moc"
