// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/nn/densekernels.h against plain loops in long double. */
#include "nn/densekernels.h"
#include "random/rng.h"

#include <QTest>

#include <cmath>
#include <vector>

using logitlab::Rng;

class TestDenseKernels : public QObject {
    Q_OBJECT

    template <class Scalar> void checkDot(int rows, int cols, int n)
    {
        // Independent reference: the same sums in long double (64-bit significand), compared with
        // the a-priori bound n * u * sum |x w| (Higham, Accuracy and Stability, eq. 3.5) plus a
        // term for the bias.
        Rng rng(42);
        const int stride = n + 3; // rows not packed, as in a data set with a different width
        std::vector<Scalar> data(std::size_t(rows) * stride), w(std::size_t(cols) * n), bias(cols), out(rows * cols);
        for (auto &v : data)
            v = Scalar(rng.uniform(-1, 1));
        for (auto &v : w)
            v = Scalar(rng.uniform(-1, 1));
        for (auto &v : bias)
            v = Scalar(rng.uniform(-1, 1));
        std::vector<const Scalar *> x(rows);
        for (int r = 0; r < rows; ++r)
            x[r] = data.data() + std::size_t((r * 7) % rows) * stride; // shuffled rows
        logitlab::kernels::dotRows(x.data(), rows, w.data(), n, cols, n, bias.data(), out.data(), cols);
        const long double u = std::numeric_limits<Scalar>::epsilon() / 2;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                long double exact = bias[c], absSum = std::fabs((long double)bias[c]);
                for (int k = 0; k < n; ++k) {
                    exact += (long double)x[r][k] * w[std::size_t(c) * n + k];
                    absSum += std::fabs((long double)x[r][k] * w[std::size_t(c) * n + k]);
                }
                const long double err = std::fabs(out[r * cols + c] - exact);
                QVERIFY2(err <= (n + 2) * u * absSum + u * std::fabs(exact),
                    qPrintable(QStringLiteral("r=%1 c=%2 err=%3").arg(r).arg(c).arg(double(err))));
            }
    }

    template <class Scalar> void checkOuter(int rows, int depth, int n, bool transposedA)
    {
        Rng rng(7);
        std::vector<Scalar> a(std::size_t(rows) * depth), bdata(std::size_t(depth) * n), out(std::size_t(rows) * n);
        for (auto &v : a)
            v = Scalar(rng.uniform(-1, 1));
        for (auto &v : bdata)
            v = Scalar(rng.uniform(-1, 1));
        std::vector<const Scalar *> b(depth);
        for (int t = 0; t < depth; ++t)
            b[t] = bdata.data() + std::size_t(depth - 1 - t) * n; // reversed row order
        // a(i, t) = a[i * aRow + t * aCol]: stored rows x depth, or depth x rows (transposed).
        const long aRow = transposedA ? 1 : depth, aCol = transposedA ? rows : 1;
        logitlab::kernels::outerSum(a.data(), aRow, aCol, rows, b.data(), depth, n, out.data(), n);
        const long double u = std::numeric_limits<Scalar>::epsilon() / 2;
        for (int i = 0; i < rows; ++i)
            for (int k = 0; k < n; ++k) {
                long double exact = 0, absSum = 0;
                for (int t = 0; t < depth; ++t) {
                    const long double p = (long double)a[i * aRow + t * aCol] * b[t][k];
                    exact += p;
                    absSum += std::fabs(p);
                }
                const long double err = std::fabs(out[std::size_t(i) * n + k] - exact);
                QVERIFY2(err <= (depth + 1) * u * absSum,
                    qPrintable(QStringLiteral("i=%1 k=%2 err=%3").arg(i).arg(k).arg(double(err))));
            }
    }

private Q_SLOTS:
    void dotRows_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("n");
        QTest::addRow("course layer 1: 32 x 784 -> 25") << 32 << 25 << 784;
        QTest::addRow("course layer 2: 32 x 25 -> 15") << 32 << 15 << 25;
        QTest::addRow("course layer 3: 32 x 15 -> 10") << 32 << 10 << 15;
        QTest::addRow("odd sizes: 7 x 9 -> 4") << 7 << 4 << 9;
        QTest::addRow("single row and column, depth 1") << 1 << 1 << 1;
        QTest::addRow("two rows, two cols, depth 2") << 2 << 2 << 2;
        QTest::addRow("binary head: 5 x 3 -> 1") << 5 << 1 << 3;
    }
    void dotRows()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, n);
        checkDot<float>(rows, cols, n);
        checkDot<double>(rows, cols, n);
    }

    void outerSum_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("transposedA");
        QTest::addRow("dW of layer 1: 25 x 784 over 32 samples") << 25 << 32 << 784 << true;
        QTest::addRow("dX of layer 2: 32 x 25 over 15 units") << 32 << 15 << 25 << false;
        QTest::addRow("dX of layer 3: 32 x 15 over 10 units") << 32 << 10 << 15 << false;
        QTest::addRow("tails: 3 x 7 over 5") << 3 << 5 << 7 << true;
        QTest::addRow("one by one, depth 1") << 1 << 1 << 1 << false;
        QTest::addRow("6 x 50 over 2 (partial packet blocks)") << 6 << 2 << 50 << false;
    }
    void outerSum()
    {
        QFETCH(int, rows);
        QFETCH(int, depth);
        QFETCH(int, n);
        QFETCH(bool, transposedA);
        checkOuter<float>(rows, depth, n, transposedA);
        checkOuter<double>(rows, depth, n, transposedA);
    }

    void nanPropagates()
    {
        // A NaN input must show up in the outputs that depend on it (no masking by the kernels).
        std::vector<float> x(16, 1.0f), w(2 * 16, 0.5f), bias(2, 0.0f), out(2);
        x[5] = std::numeric_limits<float>::quiet_NaN();
        const float *rows[1] = {x.data()};
        logitlab::kernels::dotRows(rows, 1, w.data(), 16, 2, 16, bias.data(), out.data(), 2);
        QVERIFY(std::isnan(out[0]));
        QVERIFY(std::isnan(out[1]));
    }
};

QTEST_APPLESS_MAIN(TestDenseKernels)
#include "tst_densekernels.moc"
