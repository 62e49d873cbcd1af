// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/data/synthetic.h and binarytask.h. */
#include "data/binarytask.h"
#include "data/synthetic.h"

#include <QTest>

#include <cmath>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::SyntheticKind)

class TestSynthetic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapes_data()
    {
        QTest::addColumn<SyntheticKind>("kind");
        QTest::addColumn<int>("classes");
        QTest::addRow("spiral") << SyntheticKind::Spiral << 3;
        QTest::addRow("xor") << SyntheticKind::Xor << 2;
        QTest::addRow("circles") << SyntheticKind::Circles << 2;
        QTest::addRow("blobs") << SyntheticKind::Blobs << 4;
    }
    void shapes()
    {
        QFETCH(SyntheticKind, kind);
        QFETCH(int, classes);
        SyntheticSpec s;
        s.kind = kind;
        s.trainSize = 120;
        s.testSize = 60;
        s.noise = 0.0;
        const DataSplit d = makeSynthetic(s);
        QCOMPARE(d.train.size(), Eigen::Index(120));
        QCOMPARE(d.test.size(), Eigen::Index(60));
        QCOMPARE(d.train.featureCount(), Eigen::Index(2));
        QCOMPARE(d.train.classes, classes);
        std::vector<int> counts(classes);
        for (int y : d.train.labels)
            ++counts[y];
        for (int c : counts)
            QCOMPARE(c, 120 / classes);
        // Without noise each set obeys its defining rule.
        for (Eigen::Index i = 0; i < d.train.size(); ++i) {
            const double x = d.train.features(i, 0), y = d.train.features(i, 1);
            const int label = d.train.labels[std::size_t(i)];
            if (kind == SyntheticKind::Xor)
                QCOMPARE(int(x * y < 0), label);
            if (kind == SyntheticKind::Circles) {
                const double r = std::hypot(x, y);
                QVERIFY(label == 0 ? r <= 0.5 + 1e-6 : (r >= 0.7 - 1e-6 && r <= 1.0 + 1e-6));
            }
            if (kind == SyntheticKind::Spiral)
                QVERIFY(std::hypot(x, y) <= 1.0 + 1e-6);
        }
        // Same seed, same set; train and test are different draws.
        const DataSplit again = makeSynthetic(s);
        QVERIFY(again.train.features == d.train.features);
        QVERIFY(d.train.features.topRows(60) != d.test.features);
        s.seed = 2;
        QVERIFY(makeSynthetic(s).train.features != d.train.features);
    }

    void binaryTasks()
    {
        Dataset d;
        d.classes = 10;
        d.features.resize(5, 1);
        d.features << 0, 1, 2, 3, 4;
        d.labels = {3, 5, 3, 7, 5};
        const Dataset ovr = oneVsRest(d, 3);
        QCOMPARE(ovr.classes, 2);
        QCOMPARE(ovr.labels, (std::vector<int> {1, 0, 1, 0, 0}));
        const Dataset two = twoClasses(d, 5, 3);
        QCOMPARE(two.size(), Eigen::Index(4));
        QCOMPARE(two.labels, (std::vector<int> {1, 0, 1, 0}));
        QCOMPARE(two.features(3, 0), 4.0f);
    }
};

QTEST_APPLESS_MAIN(TestSynthetic)
#include "tst_synthetic.moc"
