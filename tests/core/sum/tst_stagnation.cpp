// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * \file Tests of the stagnation point of recursive summation (core/sum/stagnation.h).
 *
 * Expected values: derivations beside each row (integers up to 2^p are values of a format with p
 * significand bits; 2^p + 1 lies halfway between 2^p and 2^p + 2 and rounds to the even one, 2^p),
 * and, for every positive finite float16 and bfloat16 value and a set of float32 ones, the plain
 * loop written here (add x until the sum stops changing), which the code under test replaces with
 * jumps across each binade.
 */
#include "../precision/ldcompare.h"

#include "precision/scalar.h"
#include "sum/stagnation.h"

#include <QTest>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

using logitlab::Format;
using logitlab::Stagnation;
using logitlab::StagnationKind;

Q_DECLARE_METATYPE(logitlab::StagnationKind)

namespace {

constexpr long double inf = std::numeric_limits<long double>::infinity();

/** \brief What the plain loop found: how it ended, after how many terms, with what sum. */
struct Plain {
    StagnationKind kind;
    std::uint64_t terms;
    long double sum;
};

/** Adds x (x > 0) in Scalar until the sum stops changing or turns infinite, one term at a time. */
template <class Scalar> Plain plainLoop(long double xValue)
{
    const Scalar x = logitlab::fromLongDouble<Scalar>(xValue);
    Scalar s = x;
    std::uint64_t terms = 1;
    for (;;) {
        const Scalar t = s + x;
        if (!std::isfinite(logitlab::toLongDouble(t)))
            return {StagnationKind::Overflows, terms + 1, inf};
        if (t == s)
            return {StagnationKind::Stagnates, terms, logitlab::toLongDouble(s)};
        s = t;
        ++terms;
    }
}

/** Compares stagnationPoint(x) with the plain loop; returns false (with a message) on a difference. */
template <class Scalar> bool agreesWithPlainLoop(long double x, Format f, QByteArray *message)
{
    const Plain plain = plainLoop<Scalar>(x);
    const Stagnation s = logitlab::stagnationPoint(x, f);
    if (s.kind == plain.kind && s.terms == plain.terms && tst::same(s.sum, plain.sum))
        return true;
    *message = QByteArray("x = ") + tst::show(x).c_str() + ": plain loop " + QByteArray::number(int(plain.kind))
        + " after " + QByteArray::number(static_cast<qulonglong>(plain.terms)) + " terms, sum "
        + tst::show(plain.sum).c_str() + "; stagnationPoint " + QByteArray::number(int(s.kind)) + " after "
        + logitlab::termCountText(s.terms).c_str() + " terms, sum " + tst::show(s.sum).c_str();
    return false;
}

} // namespace

/** \brief The stagnation point: derived rows, and the plain loop over every 16-bit value. */
class TestStagnation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void derived_data()
    {
        QTest::addColumn<Format>("format");
        QTest::addColumn<long double>("x");
        QTest::addColumn<StagnationKind>("kind");
        QTest::addColumn<std::string>("terms");
        QTest::addColumn<long double>("sum");
        const auto stagnates = StagnationKind::Stagnates;
        // x = 1: the sum of k ones is k while k <= 2^p; 2^p + 1 is a tie and rounds to 2^p (even).
        QTest::addRow("float16 1: 2048 + 1 = 2048")
            << Format::Float16 << 1.0L << stagnates << std::string("2048") << 2048.0L;
        QTest::addRow("bfloat16 1: 256 + 1 = 256")
            << Format::BFloat16 << 1.0L << stagnates << std::string("256") << 256.0L;
        QTest::addRow("float32 1: 2^24 = 16777216")
            << Format::Float32 << 1.0L << stagnates << std::string("16777216") << 16777216.0L;
        QTest::addRow("float64 1: 2^53") << Format::Float64 << 1.0L << stagnates << std::string("9007199254740992")
                                         << 0x1p53L;
        // 2^64 terms: one more than a 64-bit count holds.
        QTest::addRow("float80 1: 2^64") << Format::Float80 << 1.0L << stagnates << std::string("18446744073709551616")
                                         << 0x1p64L;
        // Rounding to nearest is symmetric: -1 stops after as many terms, at -2048.
        QTest::addRow("float16 -1") << Format::Float16 << -1.0L << stagnates << std::string("2048") << -2048.0L;
        // x = 0.5: the sum of k halves is k/2 while k/2 <= 2^(p-1); then (2^(p-1)) + 0.5 is a tie at
        // spacing 1 and rounds back: 2^(p-1) = 1024 after 2048 terms in float16.
        QTest::addRow("float16 0.5") << Format::Float16 << 0.5L << stagnates << std::string("2048") << 1024.0L;
        // The smallest subnormal 2^-24: the sums k 2^-24 are exact up to 2^11 2^-24 = 2^-13 (spacing
        // 2^-23 from 2^-13 on, and 2^-13 + 2^-24 is a tie): subnormals stagnate like the integers.
        QTest::addRow("float16 min subnormal")
            << Format::Float16 << 0x1p-24L << stagnates << std::string("2048") << 0x1p-13L;
        // x = 4096 in float16: 15 terms give 61440 (a multiple of 32, the spacing above 32768); 16
        // give 65536, past max + ulp/2 = 65520: inf.
        QTest::addRow("float16 4096 overflows at 16 terms")
            << Format::Float16 << 4096.0L << StagnationKind::Overflows << std::string("16") << inf;
        // float32 max: max + max is inf at 2 terms.
        QTest::addRow("float32 max overflows at 2 terms") << Format::Float32 << static_cast<long double>(FLT_MAX)
                                                          << StagnationKind::Overflows << std::string("2") << inf;
        QTest::addRow("float32 -max overflows to -inf") << Format::Float32 << -static_cast<long double>(FLT_MAX)
                                                        << StagnationKind::Overflows << std::string("2") << -inf;
        // float80, x = 3 (p = 64). 3k is exact up to 3k = 2^64 - 1 (2^64 = 1 mod 3), k = (2^64 - 1)/3
        // = 6148914691236517205. Then 2^64 + 2 (exact, spacing 2); then 2^64 + 5, a tie between
        // 2^64 + 4 (2^63 + 2 times 2, even) and 2^64 + 6: 2^64 + 4. From there each step is a tie at
        // spacing 2 that goes to the even neighbour, +4, up to 2^65 - 4, whose + 3 rounds to 2^65:
        // 2^62 - 1 more terms. In [2^65, 2^66) the spacing is 4 and + 3 rounds to + 4: 2^63 terms to
        // 2^66. There the spacing is 8 and 3 < 8/2: the sum stops. Terms: 6148914691236517205 + 2
        // + (2^62 - 1) + 2^63 = 19983972746518680918, more than 2^64.
        QTest::addRow("float80 3: past 2^64 terms")
            << Format::Float80 << 3.0L << stagnates << std::string("19983972746518680918") << 0x1p66L;
        QTest::addRow("float32 0: never grows")
            << Format::Float32 << 0.0L << StagnationKind::ZeroAddend << std::string("0") << 0.0L;
        QTest::addRow("float32 NaN") << Format::Float32 << std::numeric_limits<long double>::quiet_NaN()
                                     << StagnationKind::NotFinite << std::string("0")
                                     << std::numeric_limits<long double>::quiet_NaN();
        QTest::addRow("float64 inf") << Format::Float64 << inf << StagnationKind::NotFinite << std::string("0") << inf;
    }

    void derived()
    {
        QFETCH(Format, format);
        QFETCH(long double, x);
        QFETCH(StagnationKind, kind);
        QFETCH(std::string, terms);
        QFETCH(long double, sum);
        const Stagnation s = logitlab::stagnationPoint(x, format);
        QCOMPARE(s.kind, kind);
        QCOMPARE(logitlab::termCountText(s.terms), terms);
        LL_COMPARE(s.sum, sum);
    }

    void everyFloat16()
    {
        // All 31743 positive finite float16 values (bits 0x0001 to 0x7bff), against the plain loop.
        for (std::uint16_t bits = 1; bits < 0x7c00; ++bits) {
            QByteArray message;
            if (!agreesWithPlainLoop<Eigen::half>(tst::halfFromBits(bits), Format::Float16, &message))
                QFAIL(message.constData());
        }
    }

    void everyBFloat16()
    {
        for (std::uint16_t bits = 1; bits < 0x7f80; ++bits) {
            QByteArray message;
            if (!agreesWithPlainLoop<Eigen::bfloat16>(tst::bfloatFromBits(bits), Format::BFloat16, &message))
                QFAIL(message.constData());
        }
    }

    void float32Sample_data()
    {
        QTest::addColumn<long double>("x");
        // Up to about 2^25 terms each: ties (1, 3, 0.5), non-ties (0.1, 0.3, 7), subnormals, large values.
        for (const float x : {1.0f, 3.0f, 0.5f, 0.1f, 0.3f, 7.0f, 1.0e-45f, 1.0e-40f, 0x1p-126f, 0x1.fffffcp-127f,
                 0x1.fffffep+100f, 3.0e38f, 1.0e37f})
            QTest::addRow("%a", static_cast<double>(x)) << static_cast<long double>(x);
    }

    void float32Sample()
    {
        QFETCH(long double, x);
        QByteArray message;
        QVERIFY2(agreesWithPlainLoop<float>(x, Format::Float32, &message), message.constData());
        // And its negative: the same terms, the sum negated.
        const Stagnation pos = logitlab::stagnationPoint(x, Format::Float32);
        const Stagnation neg = logitlab::stagnationPoint(-x, Format::Float32);
        QCOMPARE(neg.kind, pos.kind);
        QVERIFY(neg.terms == pos.terms);
        LL_COMPARE(neg.sum, -pos.sum);
    }
};

QTEST_APPLESS_MAIN(TestStagnation)
#include "tst_stagnation.moc"
