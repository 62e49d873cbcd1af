// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The Softmax lab's value: the scale slider's step as the decimal the logits are multiplied by. */
#include "lab/softmaxlab.h"

#include <QTest>

#include <string>

using namespace logitlab;

/** \brief Tests of SoftmaxLab's helpers. */
class TstSoftmaxLab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scaleText_data();
    void scaleText();
    void defaultScaleIsOne();
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
    QTest::addRow("slider maximum 10^3 in exponent form") << SoftmaxLab::maxScaleStep << QStringLiteral("1e+03");
    QTest::addRow("slider minimum 10^-3") << SoftmaxLab::minScaleStep << QStringLiteral("0.001");
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

QTEST_APPLESS_MAIN(TstSoftmaxLab)
#include "tst_softmaxlab.moc"
