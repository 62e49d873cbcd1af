// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of binary cross-entropy three ways, its gradients, and the MPFR reference. */
#include "losses/lossreport.h"
#include "precision/mpfrutil.h"
#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;
using mpfr::mpreal;

class TestBinaryCrossEntropy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kerasPlateaus_data();
    void kerasPlateaus();
    void clippedPlateausOfAFormat_data();
    void clippedPlateausOfAFormat();
    void naiveBreaks_data();
    void naiveBreaks();
    void fromLogitsAccuracy_data();
    void fromLogitsAccuracy();
    void referenceLimits_data();
    void referenceLimits();
    void gradients();
};

// Keras 3 clips s to [1e-7, 1 - 1e-7] (bounds in the format), so in float32
//   y = 1, z -> -inf: s = 0 -> 1e-7, loss = -log(fl(1e-7)) = 16.118095...
//   y = 0, z -> +inf: s = 1 -> fl(1 - fl(1e-7)) = 1 - 2^-23, loss = -log(2^-23) = 23 ln 2 = 15.942385...
void TestBinaryCrossEntropy::kerasPlateaus_data()
{
    QTest::addColumn<float>("z");
    QTest::addColumn<float>("y");
    QTest::addColumn<double>("plateau");
    QTest::addRow("y=1 z=-1000 plateau 16.118") << -1000.0f << 1.0f << 16.118095650958319;
    QTest::addRow("y=1 z=-30 plateau 16.118") << -30.0f << 1.0f << 16.118095650958319;
    QTest::addRow("y=0 z=1000 plateau 15.942") << 1000.0f << 0.0f << 23 * std::log(2.0);
    QTest::addRow("y=0 z=20 plateau 15.942") << 20.0f << 0.0f << 23 * std::log(2.0);
}

void TestBinaryCrossEntropy::kerasPlateaus()
{
    QFETCH(float, z);
    QFETCH(float, y);
    QFETCH(double, plateau);
    const float loss = binaryCrossEntropy<float>(z, y, BceMethod::Clipped);
    QVERIFY2(std::fabs(loss - plateau) <= 2e-6, qPrintable(QString::number(loss, 'g', 9)));
    QCOMPARE(binaryCrossEntropyGradient<float>(z, y, BceMethod::Clipped), 0.0f); // no learning
    // from_logits keeps the true loss: about |z| (and a gradient of size 1).
    QVERIFY(std::fabs(binaryCrossEntropy<float>(z, y, BceMethod::FromLogits) - std::fabs(z))
        < 1e-3f * std::fabs(z) + 1e-6f);
}

// The plateaus the Losses page labels, at z = -inf and +inf. float32 as above; with the clip
// active the other end is -log(1 - 2^-23) = 2^-23 (+ 2^-47, lost) = 1.1920929e-7. float16:
// 1e-7 rounds to 2^-23 (1e-7 / 2^-24 = 1.68 -> 2), so the low plateau is 23 ln 2 = 15.9424,
// rounded to float16's spacing 2^-7: 2041 * 2^-7 = 15.9453125; 1 - 2^-23 rounds to 1, so the
// high plateau is -log(0) = inf for y = 0, and 0 * log(0) = NaN for y = 1 (the clip does not help).
void TestBinaryCrossEntropy::clippedPlateausOfAFormat_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addRow("float32 y=1: 16.118 at -inf")
        << Format::Float32 << 1.0 << 16.118095650958319 << std::ldexp(1.0, -23);
    QTest::addRow("float32 y=0: 15.94 at +inf") << Format::Float32 << 0.0 << std::ldexp(1.0, -23) << 23 * std::log(2.0);
    QTest::addRow("float16 y=1: 15.945 at -inf, NaN at +inf")
        << Format::Float16 << 1.0 << 15.9453125 << std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("float16 y=0: inf at +inf") << Format::Float16 << 0.0 << 0.0 << inf;
}

void TestBinaryCrossEntropy::clippedPlateausOfAFormat()
{
    QFETCH(Format, format);
    QFETCH(double, y);
    QFETCH(double, low);
    QFETCH(double, high);
    const BcePlateaus p = clippedBcePlateaus(y, format);
    const auto near = [](long double got, double want) {
        if (std::isnan(want))
            return std::isnan(got);
        return std::isinf(want) ? got == want
                                : std::fabs(static_cast<double>(got) - want) <= 2e-6 * std::max(want, 1e-6);
    };
    QVERIFY2(near(p.low, low), qPrintable(QString::number(static_cast<double>(p.low), 'g', 17)));
    QVERIFY2(near(p.high, high), qPrintable(QString::number(static_cast<double>(p.high), 'g', 17)));
}

// Naive sigmoid rounds to 0 or 1: log(0) = -inf, and 0 * -inf = NaN.
void TestBinaryCrossEntropy::naiveBreaks_data()
{
    QTest::addColumn<float>("z");
    QTest::addColumn<float>("y");
    QTest::addColumn<bool>("isNaN");
    QTest::addRow("y=1 z=-1000: s=0, -log 0 = inf") << -1000.0f << 1.0f << false;
    QTest::addRow("y=0 z=1000: s=1, -log(1-1) = inf") << 1000.0f << 0.0f << false;
    QTest::addRow("y=1 z=1000: 0 * log(0) = NaN") << 1000.0f << 1.0f << true;
    QTest::addRow("y=0 z=-1000: 0 * log(0) = NaN") << -1000.0f << 0.0f << true;
    QTest::addRow("y=0 z=17: s rounds to 1 in float32 already") << 17.0f << 0.0f << false;
}

void TestBinaryCrossEntropy::naiveBreaks()
{
    QFETCH(float, z);
    QFETCH(float, y);
    QFETCH(bool, isNaN);
    const float loss = binaryCrossEntropy<float>(z, y, BceMethod::Naive);
    if (isNaN)
        QVERIFY(std::isnan(loss));
    else
        QVERIFY(std::isinf(loss) && loss > 0);
    QVERIFY(std::isfinite(binaryCrossEntropy<float>(z, y, BceMethod::FromLogits)));
}

// from_logits for y in {0, 1}: -|z| is exact, exp about 1 ulp (2u), log1p's condition <= 1,
// z (1 - y) is exact, and the final sum of two non-negative terms adds u: at most 4 ulps.
void TestBinaryCrossEntropy::fromLogitsAccuracy_data()
{
    QTest::addColumn<Format>("format");
    for (Format f : allFormats)
        QTest::addRow("%s", formatName(f).data()) << f;
}

void TestBinaryCrossEntropy::fromLogitsAccuracy()
{
    QFETCH(Format, format);
    testsupport::SplitMix64 rng {7};
    for (int i = 0; i < 200; ++i) {
        const long double z = roundToFormat(mpreal(rng.uniform(-60, 60)), format);
        for (long double y : {0.0L, 1.0L}) {
            const BceReport r = computeBceReport(z, y, format);
            QVERIFY2(r.methods[2].ulpError <= 4.0,
                qPrintable(QStringLiteral("z=%1 y=%2: %3 ulp")
                               .arg(static_cast<double>(z))
                               .arg(static_cast<double>(y))
                               .arg(r.methods[2].ulpError)));
        }
    }
}

void TestBinaryCrossEntropy::referenceLimits_data()
{
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addColumn<long double>("z");
    QTest::addColumn<long double>("y");
    QTest::addColumn<double>("loss");
    QTest::addColumn<double>("gradient");
    QTest::addRow("z=0: log 2, gradient 1/2 - y") << 0.0L << 1.0L << std::log(2.0) << -0.5;
    QTest::addRow("z=0 y=0.5: gradient exactly 0") << 0.0L << 0.5L << std::log(2.0) << 0.0;
    QTest::addRow("z=+inf y=0") << static_cast<long double>(inf) << 0.0L << inf << 1.0;
    QTest::addRow("z=+inf y=1") << static_cast<long double>(inf) << 1.0L << 0.0 << 0.0;
    QTest::addRow("z=-inf y=1") << -static_cast<long double>(inf) << 1.0L << inf << -1.0;
    QTest::addRow("z=-inf y=0") << -static_cast<long double>(inf) << 0.0L << 0.0 << 0.0;
    // z = 1e300, y = 1: loss = log1p(e^-1e300), far below every format's smallest subnormal.
    QTest::addRow("z=1e300 y=1: loss rounds to 0") << 1e300L << 1.0L << 0.0 << 0.0;
}

void TestBinaryCrossEntropy::referenceLimits()
{
    QFETCH(long double, z);
    QFETCH(long double, y);
    QFETCH(double, loss);
    QFETCH(double, gradient);
    const BceReference r = bceReference(z, y);
    QCOMPARE(r.loss.toDouble(), loss);
    QCOMPARE(r.gradient.toDouble(), gradient);
}

// Gradients: from_logits is sigmoid(z) - y, accurate everywhere; the naive chain rule fails
// where s rounds to 1 (y=1: 0/0 = NaN); central differences agree in float64 at moderate z.
void TestBinaryCrossEntropy::gradients()
{
    for (double z : {-3.0, -0.5, 0.0, 0.7, 4.0})
        for (double y : {0.0, 0.3, 1.0})
            for (BceMethod m : allBceMethods) {
                const double h = 1e-6;
                const double fd
                    = (binaryCrossEntropy<double>(z + h, y, m) - binaryCrossEntropy<double>(z - h, y, m)) / (2 * h);
                QVERIFY(std::fabs(fd - binaryCrossEntropyGradient<double>(z, y, m)) < 1e-6);
            }
    QVERIFY(std::isnan(binaryCrossEntropyGradient<float>(1000.0f, 1.0f, BceMethod::Naive)));
    QCOMPARE(binaryCrossEntropyGradient<float>(1000.0f, 1.0f, BceMethod::FromLogits), 0.0f);
    QCOMPARE(binaryCrossEntropyGradient<float>(-1000.0f, 1.0f, BceMethod::FromLogits), -1.0f);
}

QTEST_APPLESS_MAIN(TestBinaryCrossEntropy)
#include "tst_binarycrossentropy.moc"
