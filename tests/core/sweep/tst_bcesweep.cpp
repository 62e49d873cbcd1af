// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The losses lab's BCE sweep: the grid, each form's loss and error against MPFR, NaN/inf/underflow. */
#include "losses/lossreport.h"
#include "sweep/bcesweep.h"
#include "testsupport.h"

#include <QTest>

#include <mpreal.h>

#include <cmath>
#include <limits>

using namespace logitlab;
using mpfr::mpreal;

namespace {

/** BCE(z, y) = max(z, 0) - z y + log1p(exp(-|z|)), at 512 bits, rounded to double. */
double exactBce(double z, double y)
{
    const mpreal Z(z, 512), Y(y, 512);
    const mpreal loss = (Z > 0 ? Z : mpreal(0, 512)) - Z * Y + log1p(exp(-abs(Z)));
    return loss.toDouble();
}

BceSweep sweep(double from, double to, int points, long double y, Format f)
{
    return computeBceSweep(from, to, points, y, f, [] { return false; });
}

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

} // namespace

class TestBceSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void windowDefaults();
    void gridRoundedToFormat();
    void points_data();
    void points();
    void underflow();
    void cancelled();
};

// The window's defaults: z = -1000, -999, ..., 1000 (every one exact in float32), y = 1.
void TestBceSweep::windowDefaults()
{
    const BceSweepInput in;
    QCOMPARE(in.from, -1000.0);
    QCOMPARE(in.to, 1000.0);
    QCOMPARE(in.points, 2001);
    const BceSweep s = sweep(in.from, in.to, in.points, 1, Format::Float32);
    QCOMPARE(s.z.size(), std::size_t(2001));
    for (std::size_t i = 0; i < s.z.size(); i += 97)
        QCOMPARE(s.z[i], -1000.0 + static_cast<double>(i));
    QCOMPARE(s.z.back(), 1000.0);
}

// 7 points over [-1000, 1000] step 333.33...: float16 has spacing 0.5 in [512, 1024), so
// -666.67 -> -666.5 and -333.33 -> -333.25 (spacing 0.25 in [256, 512)).
void TestBceSweep::gridRoundedToFormat()
{
    const BceSweep s = sweep(-1000, 1000, 7, 0, Format::Float16);
    QCOMPARE(s.z.size(), std::size_t(7));
    QCOMPARE(s.z[0], -1000.0);
    QCOMPARE(s.z[1], -666.5);
    QCOMPARE(s.z[2], -333.25);
    QCOMPARE(s.z[3], 0.0);
    QCOMPARE(s.z[5], 666.5);
}

void TestBceSweep::points_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("z");
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("loss"); ///< expected loss as computed (NaN: expect NaN)
    QTest::addColumn<double>("tolerance"); ///< relative
    const auto row = [](const char *name, Format f, double y, double z, BceMethod m, double loss, double tol) {
        QTest::addRow("%s", name) << f << y << z << static_cast<int>(m) << loss << tol;
    };
    const double eps32 = 0x1p-23;
    // Naive s = 1 / (1 + exp(-z)): z = -1000 gives exp(1000) = inf, s = 0, -log(0) = inf.
    row("naive y=1 z=-1000 inf (overflow)", Format::Float32, 1, -1000, BceMethod::Naive, inf, 0);
    // z = 1000, y = 1: s = 1, -(1 log 1 + 0 log(1 - 1)) = -(0 + 0 * -inf) = NaN.
    row("naive y=1 z=1000 NaN (0 * -inf)", Format::Float32, 1, 1000, BceMethod::Naive, notANumber, 0);
    // Keras clips s to [1e-7, 1 - 1e-7]: the published plateau 16.118095 for y = 1 in float32.
    row("clipped y=1 z=-1000 plateau 16.118", Format::Float32, 1, -1000, BceMethod::Clipped, 16.118095650958319, 2e-7);
    // from_logits: max(z, 0) - z y + log1p(exp(-|z|)) is |z| = 1000 exactly here.
    row("from_logits y=1 z=-1000", Format::Float32, 1, -1000, BceMethod::FromLogits, 1000, 0);
    row("from_logits y=1 z=1000 (tiny loss)", Format::Float32, 1, 1000, BceMethod::FromLogits, 0, 0);
    row("from_logits y=0 z=0 ln 2", Format::Float32, 0, 0, BceMethod::FromLogits, std::log(2.0), eps32);
    row("from_logits y=0.25 z=3 float64", Format::Float64, 0.25, 3, BceMethod::FromLogits, exactBce(3, 0.25), 0x1p-50);
    // float16: exp(12) = 162755 > 65504 overflows, so naive s(-12) = 1 / inf = 0 and the loss is inf.
    row("naive float16 y=1 z=-12 inf", Format::Float16, 1, -12, BceMethod::Naive, inf, 0);
    row("from_logits float16 y=1 z=-12", Format::Float16, 1, -12, BceMethod::FromLogits, exactBce(-12, 1), 0x1p-10);
}

// Each row is one point of a 3-point sweep from z - 1 to z + 1 (its middle point is z).
void TestBceSweep::points()
{
    QFETCH(Format, format);
    QFETCH(double, y);
    QFETCH(double, z);
    QFETCH(int, method);
    QFETCH(double, loss);
    QFETCH(double, tolerance);
    const BceSweep s = sweep(z - 1, z + 1, 3, static_cast<long double>(y), format);
    QCOMPARE(s.z[1], z);
    const auto m = static_cast<std::size_t>(method);
    const double got = s.loss[m][1];
    if (std::isnan(loss))
        QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
    else if (std::isinf(loss) || loss == 0)
        QCOMPARE(got, loss);
    else
        QVERIFY2(std::fabs(got - loss) <= tolerance * loss, qPrintable(QString::number(got, 'g', 17)));
    // The reference column is the exact loss whatever the method.
    const double exact = exactBce(z, y);
    QVERIFY2(s.referenceLoss[1] == exact || std::fabs(s.referenceLoss[1] - exact) <= 0x1p-52 * exact,
        qPrintable(QString::number(s.referenceLoss[1], 'g', 17)));
    // The relative error is |loss - exact| / exact: NaN and inf losses stay non-finite.
    if (!std::isfinite(loss))
        QVERIFY(!std::isfinite(s.relativeError[m][1]));
}

// y = 1, z = 1000 in float32: the exact loss log1p(exp(-1000)) = 5.1e-435 is far below the
// smallest subnormal 1.4e-45, so the best float32 holds is 0: flagged, relative error exactly 1.
void TestBceSweep::underflow()
{
    const BceSweep s = sweep(999, 1001, 3, 1, Format::Float32);
    QCOMPARE(s.lossUnderflows[1], static_cast<unsigned char>(1));
    QCOMPARE(s.relativeError[static_cast<std::size_t>(BceMethod::FromLogits)][1], 1.0);
    QCOMPARE(s.referenceLoss[1], 0.0); // 5.1e-435 is below double's range too
    // At z = -1000 the loss is 1000: no underflow.
    const BceSweep t = sweep(-1001, -999, 3, 1, Format::Float32);
    QCOMPARE(t.lossUnderflows[1], static_cast<unsigned char>(0));
}

void TestBceSweep::cancelled()
{
    const BceSweep s = computeBceSweep(-10, 10, 100, 1, Format::Float32, [] { return true; });
    QVERIFY(s.z.empty());
}

QTEST_APPLESS_MAIN(TestBceSweep)
#include "tst_bcesweep.moc"
