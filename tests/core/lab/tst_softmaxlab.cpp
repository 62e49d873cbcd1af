// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The Softmax lab's value: the scale slider's step as the decimal the logits are multiplied by, and as a
 * temperature. */
#include "lab/softmaxlab.h"

#include <QTest>

#include <cmath>
#include <string>

using namespace logitlab;

/** \brief Tests of SoftmaxLab's helpers. */
class TstSoftmaxLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scaleText_data();
    void scaleText();
    void defaultScaleIsOne();
    void temperatureText_data();
    void temperatureText();
    void sliderEndsAreTheIssuesTemperatures();
    void stepOfTemperature_data();
    void stepOfTemperature();
};

// Expected: 10^(k/100) by hand (log tables), to 3 significant digits in C's %g notation.
void TstSoftmaxLab::scaleText_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("text");
    QTest::addRow("step 0 is exactly 1") << 0 << QStringLiteral("1");
    QTest::addRow("10^1") << 100 << QStringLiteral("10");
    QTest::addRow("10^-1") << -100 << QStringLiteral("0.1");
    QTest::addRow("10^0.05 = 1.12202") << 5 << QStringLiteral("1.12");
    QTest::addRow("10^0.3 = 1.99526 rounds to 2") << 30 << QStringLiteral("2");
    QTest::addRow("10^-1.3 = 0.0501187") << -130 << QStringLiteral("0.0501");
    QTest::addRow("10^2.5 = 316.228") << 250 << QStringLiteral("316");
    QTest::addRow("10^2.99 = 977.237") << 299 << QStringLiteral("977");
    QTest::addRow("10^3 in exponent form (a step old lesson files may hold)") << 300 << QStringLiteral("1e+03");
    QTest::addRow("slider maximum 10^2") << SoftmaxLab::maxScaleStep << QStringLiteral("100");
    QTest::addRow("slider minimum 10^-2") << SoftmaxLab::minScaleStep << QStringLiteral("0.01");
}

void TstSoftmaxLab::scaleText()
{
    QFETCH(int, step);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(softmaxScaleText(step)), text);
}

// The window opens (and `sweep softmax` runs) with the logits unscaled.
void TstSoftmaxLab::defaultScaleIsOne()
{
    QCOMPARE(softmaxScaleText(SoftmaxLab {}.scaleStep), std::string("1"));
}

// T = 1/scale with the scale the decimal the logits are multiplied by (scaleText), by hand, to 3
// significant digits in C's %g notation.
void TstSoftmaxLab::temperatureText_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("text");
    QTest::addRow("step 0: T = 1") << 0 << QStringLiteral("1");
    QTest::addRow("scale 1.12: T = 0.892857...") << 5 << QStringLiteral("0.893");
    QTest::addRow("scale 2: T = 0.5") << 30 << QStringLiteral("0.5");
    QTest::addRow("scale 10: T = 0.1") << 100 << QStringLiteral("0.1");
    QTest::addRow("scale 0.0501: T = 19.96") << -130 << QStringLiteral("20");
    QTest::addRow("scale 0.0102 (10^-1.99 = 0.010233): T = 98.04") << -199 << QStringLiteral("98");
    QTest::addRow("scale 97.7 (10^1.99 = 97.72): T = 0.010235") << 199 << QStringLiteral("0.0102");
    QTest::addRow("scale 0.01: T = 100") << -200 << QStringLiteral("100");
    QTest::addRow("scale 100: T = 0.01") << 200 << QStringLiteral("0.01");
    QTest::addRow("scale 1000 (an old file's step): T = 0.001") << 300 << QStringLiteral("0.001");
}

void TstSoftmaxLab::temperatureText()
{
    QFETCH(int, step);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(softmaxTemperatureText(step)), text);
}

// Issue 12: "a temperature control from 0.01 to 100". The slider's ends are those temperatures,
// and --temperature's limits name the same two numbers.
void TstSoftmaxLab::sliderEndsAreTheIssuesTemperatures()
{
    QCOMPARE(softmaxTemperatureText(SoftmaxLab::maxScaleStep), std::string("0.01"));
    QCOMPARE(softmaxTemperatureText(SoftmaxLab::minScaleStep), std::string("100"));
    QCOMPARE(std::string(SoftmaxLab::minTemperature), std::string("0.01"));
    QCOMPARE(std::string(SoftmaxLab::maxTemperature), std::string("100"));
    QVERIFY(SoftmaxLab::fileMinScaleStep < SoftmaxLab::minScaleStep);
    QVERIFY(SoftmaxLab::fileMaxScaleStep > SoftmaxLab::maxScaleStep);
}

// The slider's step of a temperature: -100 log10 T, by hand.
void TstSoftmaxLab::stepOfTemperature_data()
{
    QTest::addColumn<double>("temperature");
    QTest::addColumn<double>("step");
    QTest::addRow("T = 1 at step 0") << 1.0 << 0.0;
    QTest::addRow("T = 100 at the left end") << 100.0 << -200.0;
    QTest::addRow("T = 0.01 at the right end") << 0.01 << 200.0;
    QTest::addRow("T = 2: -100 log10 2 = -30.103") << 2.0 << -30.10299956639812;
    QTest::addRow("float32 overflow of 1002: T = 11.293526, step -105.283")
        << 11.293526 << -105.28296; // log10(11.293526) = 1.0528296
}

void TstSoftmaxLab::stepOfTemperature()
{
    QFETCH(double, temperature);
    QFETCH(double, step);
    QVERIFY2(std::fabs(softmaxScaleStepAt(temperature) - step) < 1e-4,
        qPrintable(QString::number(softmaxScaleStepAt(temperature), 'g', 12)));
}

QTEST_APPLESS_MAIN(TstSoftmaxLab)
#include "tst_softmaxlab.moc"
