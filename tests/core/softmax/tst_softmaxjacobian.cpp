// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests of the softmax Jacobian (core/softmax/softmaxjacobian.h). */
#include "softmax/softmax.h"
#include "softmax/softmaxjacobian.h"

#include <QTest>

#include <cmath>

using namespace logitlab;

class TestSoftmaxJacobian : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jacobian();
};

// J = diag(s) - s s^T: symmetric, rows sum to 0 (to rounding), J_ii = s_i (1 - s_i).
void TestSoftmaxJacobian::jacobian()
{
    Vector<double> z(4);
    z << -3, 2, -1, 0;
    const auto J = softmaxJacobian<double>(z);
    Vector<double> s(4);
    shiftedSoftmax<double>(z, s);
    for (int i = 0; i < 4; ++i) {
        // s_i (1 - sum_j s_j) = 0 exactly; the computed sum of n rounded terms is within 2 n u sum |J_ij|.
        QVERIFY(std::fabs(J.row(i).sum()) <= 2 * 4 * 0x1p-53 * J.row(i).abs().sum());
        QCOMPARE(J(i, i), s[i] - s[i] * s[i]);
        for (int j = 0; j < 4; ++j)
            QCOMPARE(J(i, j), J(j, i));
    }
    QVERIFY(std::fabs(J(1, 1) - 0.839024507 * (1 - 0.839024507)) < 1e-8);
}

QTEST_APPLESS_MAIN(TestSoftmaxJacobian)
#include "tst_softmaxjacobian.moc"
