// SPDX-License-Identifier: GPL-3.0-or-later
/** \file The text helpers of ui/common/uitext.h: errors with 3 significant digits, logit thresholds. */
#include "common/uitext.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace logitlab;
using namespace logitlab::ui;

/** \brief Tests of the uitext helpers. */
class TstUiText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ulpError_data()
    {
        QTest::addColumn<double>("ulps");
        QTest::addColumn<QString>("text");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::addRow("exactly 0") << 0.0 << QStringLiteral("0");
        QTest::addRow("negative zero") << -0.0 << QStringLiteral("0");
        // Subnormal-sized errors: an exact value ~1e-361 under a float32 spacing of 1.4e-45.
        QTest::addRow("1e-320 subnormal") << 1e-320 << QStringLiteral("<0.001");
        QTest::addRow("2.45e-316 subnormal") << 2.45e-316 << QStringLiteral("<0.001");
        QTest::addRow("just below a thousandth") << 0.000999 << QStringLiteral("<0.001");
        QTest::addRow("a thousandth") << 0.001 << QStringLiteral("0.001");
        // e^-110 / 2^-149 = 0.0012052477921170742: three digits 0.00121.
        QTest::addRow("0.0012052 -> 0.00121") << 0.0012052477921170742 << QStringLiteral("0.00121");
        // 0.20978... to three digits is 0.210: the trailing zero carries nothing.
        QTest::addRow("0.2097872904064517 -> 0.21") << 0.2097872904064517 << QStringLiteral("0.21");
        QTest::addRow("one") << 1.0 << QStringLiteral("1");
        QTest::addRow("1.3249 -> 1.32") << 1.3249 << QStringLiteral("1.32");
        QTest::addRow("2281.3 -> 2280, no exponent") << 2281.3 << QStringLiteral("2280");
        QTest::addRow("99949 -> 99900") << 99949.0 << QStringLiteral("99900");
        QTest::addRow("123456 -> 1.23e+05") << 123456.0 << QStringLiteral("1.23e+05");
        QTest::addRow("1234567 -> 1.23e+06") << 1234567.0 << QStringLiteral("1.23e+06");
        QTest::addRow("8.507e37 Keras clip") << 8.507059173023462e+37 << QStringLiteral("8.51e+37");
        QTest::addRow("inf") << inf << QStringLiteral("inf");
        QTest::addRow("nan") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("nan");
    }

    void ulpError()
    {
        QFETCH(double, ulps);
        QFETCH(QString, text);
        QCOMPARE(ulpErrorText(ulps), text);
    }

    // Relative and absolute errors keep their small digits: no "<0.001" floor.
    void error_data()
    {
        QTest::addColumn<double>("error");
        QTest::addColumn<QString>("text");
        QTest::addRow("exactly 0") << 0.0 << QStringLiteral("0");
        QTest::addRow("negative zero") << -0.0 << QStringLiteral("0");
        // float32 2/10000: relative error 5.052424967288971e-12 / 0.0002 = 2.5262e-8.
        QTest::addRow("relative 2.53e-08") << 2.5262124836444855e-08 << QStringLiteral("2.53e-08");
        QTest::addRow("subnormal 2.45e-316") << 2.45e-316 << QStringLiteral("2.45e-316");
        QTest::addRow("1e-4 plain") << 0.00012345 << QStringLiteral("0.000123");
        QTest::addRow("relative 1") << 1.0 << QStringLiteral("1");
        QTest::addRow("-inf") << -std::numeric_limits<double>::infinity() << QStringLiteral("-inf");
    }

    void error()
    {
        QFETCH(double, error);
        QFETCH(QString, text);
        QCOMPARE(errorText(error), text);
    }

    // ln(FLT_MAX) = 88.72283905206835 and ln(2^-149) = -103.27892990343185 to two decimals.
    void logThreshold()
    {
        QCOMPARE(logThresholdText(formatInfo(Format::Float32).lnMax), QStringLiteral("88.72"));
        QCOMPARE(logThresholdText(formatInfo(Format::Float32).lnMinSubnormal), QStringLiteral("-103.28"));
        // float16: ln(65504) = 11.0898...
        QCOMPARE(logThresholdText(formatInfo(Format::Float16).lnMax), QStringLiteral("11.09"));
    }
};

QTEST_APPLESS_MAIN(TstUiText)
#include "tst_uitext.moc"
