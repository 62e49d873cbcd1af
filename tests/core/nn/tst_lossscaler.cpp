// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests for core/nn/lossscaler.h: the arithmetic of torch.amp.GradScaler.update() step by
 * step. Each row lists the steps ('f' all gradients finite, 'i' an inf/NaN gradient) and, worked
 * out by hand from GradScaler's rules, the scale, the clean-step count and the skip after each.
 */
#include "nn/lossscaler.h"

#include <QTest>

#include <limits>
#include <vector>

using logitlab::LossScaleKind;
using logitlab::LossScaler;
using logitlab::LossScaling;

Q_DECLARE_METATYPE(logitlab::LossScaling)
Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

LossScaling dynamic(double scale, int interval, double growth = 2.0, double backoff = 0.5)
{
    LossScaling s;
    s.kind = LossScaleKind::Dynamic;
    s.scale = scale;
    s.growthInterval = interval;
    s.growthFactor = growth;
    s.backoffFactor = backoff;
    return s;
}

} // namespace

class TestLossScaler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initialState_data()
    {
        QTest::addColumn<LossScaling>("options");
        QTest::addColumn<double>("scale");
        QTest::addColumn<bool>("enabled");
        QTest::addRow("none is scale 1 whatever the factor says") << LossScaling {} << 1.0 << false;
        LossScaling none;
        none.scale = 1024.0;
        QTest::addRow("none with a factor of 1024") << none << 1.0 << false;
        LossScaling fixed;
        fixed.kind = LossScaleKind::Static;
        fixed.scale = 128.0;
        QTest::addRow("static 128") << fixed << 128.0 << true;
        QTest::addRow("dynamic starts at 2^16 (GradScaler's init_scale)") << dynamic(65536.0, 2000) << 65536.0 << true;
    }
    void initialState()
    {
        QFETCH(LossScaling, options);
        QFETCH(double, scale);
        QFETCH(bool, enabled);
        const LossScaler s(options);
        QCOMPARE(s.scale, scale);
        QCOMPARE(s.enabled(), enabled);
        QCOMPARE(s.cleanSteps, 0);
        QCOMPARE(LossScaler().scale, 1.0); // default-constructed: no scaling
        QVERIFY(!LossScaler().enabled());
    }

    void update_data()
    {
        QTest::addColumn<LossScaling>("options");
        QTest::addColumn<QString>("steps");
        QTest::addColumn<std::vector<double>>("scales"); ///< after each step
        QTest::addColumn<std::vector<int>>("clean"); ///< the growth tracker after each step
        QTest::addColumn<QString>("skips"); ///< 's' skipped, '-' applied

        // Interval 3: the third clean step in a row doubles the scale and resets the count.
        QTest::addRow("grows after 3 clean steps")
            << dynamic(1024.0, 3) << QStringLiteral("fffffff")
            << std::vector<double> {1024, 1024, 2048, 2048, 2048, 4096, 4096} << std::vector<int> {1, 2, 0, 1, 2, 0, 1}
            << QStringLiteral("-------");
        // An inf step halves the scale, is skipped, and restarts the count: 2 clean steps, an inf, 3 clean.
        QTest::addRow("inf halves, skips and restarts the count")
            << dynamic(1024.0, 3) << QStringLiteral("ffifff") << std::vector<double> {1024, 1024, 512, 512, 512, 1024}
            << std::vector<int> {1, 2, 0, 1, 2, 0} << QStringLiteral("--s---");
        QTest::addRow("inf steps in a row halve each time")
            << dynamic(65536.0, 3) << QStringLiteral("iiif") << std::vector<double> {32768, 16384, 8192, 8192}
            << std::vector<int> {0, 0, 0, 1} << QStringLiteral("sss-");
        QTest::addRow("other factors: backoff 1/4, growth 8, interval 1")
            << dynamic(1.0, 1, 8.0, 0.25) << QStringLiteral("ffiif") << std::vector<double> {8, 64, 16, 4, 32}
            << std::vector<int> {0, 0, 0, 0, 0} << QStringLiteral("--ss-");
        // The largest double times 2 is inf: GradScaler keeps the old scale, and resets the count.
        const double big = std::numeric_limits<double>::max();
        QTest::addRow("a growth that would overflow keeps the old scale")
            << dynamic(big, 3) << QStringLiteral("ffff") << std::vector<double> {big, big, big, big}
            << std::vector<int> {1, 2, 0, 1} << QStringLiteral("----");
        // 2^1023 * 1024 and 2^1022 * 1024 are both past the largest double (about 2^1024).
        QTest::addRow("2^1023 grown by 1024 overflows, halves on inf, still overflows")
            << dynamic(0x1p1023, 1, 1024.0) << QStringLiteral("fif")
            << std::vector<double> {0x1p1023, 0x1p1022, 0x1p1022} << std::vector<int> {0, 0, 0}
            << QStringLiteral("-s-");
        LossScaling fixed;
        fixed.kind = LossScaleKind::Static;
        fixed.scale = 512.0;
        fixed.growthInterval = 1;
        QTest::addRow("static never changes or skips")
            << fixed << QStringLiteral("fiffiif") << std::vector<double>(7, 512.0) << std::vector<int>(7, 0)
            << QStringLiteral("-------");
        LossScaling none;
        none.growthInterval = 1;
        QTest::addRow("none stays 1 and never skips") << none << QStringLiteral("ifif") << std::vector<double>(4, 1.0)
                                                      << std::vector<int>(4, 0) << QStringLiteral("----");
    }
    void update()
    {
        QFETCH(LossScaling, options);
        QFETCH(QString, steps);
        QFETCH(std::vector<double>, scales);
        QFETCH(std::vector<int>, clean);
        QFETCH(QString, skips);
        QCOMPARE(std::size_t(steps.size()), scales.size());
        LossScaler s(options);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const bool skipped = s.update(steps[i] == QLatin1Char('f'));
            const QByteArray where = QStringLiteral("after step %1").arg(i + 1).toUtf8();
            QVERIFY2(skipped == (skips[i] == QLatin1Char('s')), where.constData());
            QVERIFY2(s.scale == scales[std::size_t(i)],
                qPrintable(QStringLiteral("after step %1: scale %2, expected %3")
                               .arg(i + 1)
                               .arg(s.scale)
                               .arg(scales[std::size_t(i)])));
            QVERIFY2(s.cleanSteps == clean[std::size_t(i)],
                qPrintable(QStringLiteral("after step %1: clean steps %2, expected %3")
                               .arg(i + 1)
                               .arg(s.cleanSteps)
                               .arg(clean[std::size_t(i)])));
            QCOMPARE(s.options, options); // the options are never changed
        }
    }
};

QTEST_APPLESS_MAIN(TestLossScaler)
#include "tst_lossscaler.moc"
