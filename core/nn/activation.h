// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The activation functions of a dense layer, applied in place to a row-major block, and the
 * backward step that multiplies an incoming gradient by the derivative. The derivative is taken
 * from the activation's output a = f(z), which each of these functions allows:
 * relu' = [a > 0], leaky' = a > 0 ? 1 : alpha, sigmoid' = a (1 - a), tanh' = 1 - a^2.
 */
#include "softmax/safeexp.h"
#include "text/nametable.h"

#include <Eigen/Core>

#include <array>
#include <optional>
#include <string_view>

namespace logitlab {

/** \brief The nonlinearity after a dense layer. */
enum class Activation { ReLU, LeakyReLU, Sigmoid, Tanh, Linear };

/** Slope of leaky ReLU for negative inputs (Keras's LeakyReLU default is 0.3; PyTorch's 0.01). */
inline constexpr double leakyReluSlope = 0.01;

inline constexpr NameTable<Activation, 5> activationNames {{
    {Activation::ReLU, "relu"},
    {Activation::LeakyReLU, "leaky-relu"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Linear, "linear"},
}};

/** The canonical name of \a a ("relu", "leaky-relu", "sigmoid", "tanh", "linear"). */
inline std::string_view activationName(Activation a)
{
    return nameOf(activationNames, a);
}

/** Parses a canonical activation name; empty optional if unknown. */
inline std::optional<Activation> parseActivation(std::string_view text)
{
    return parseNameIn(activationNames, text);
}

/**
 * a = f(z) in place on \a n values. relu/leaky/linear are exact; sigmoid is 1 / (1 + exp(-z))
 * (a few ulps; exactly 0 or 1 where it rounds there); tanh is Eigen's rational approximation
 * (a few ulps, exactly +-1 in saturation).
 */
template <class Scalar> void applyActivation(Activation act, Scalar *z, Eigen::Index n)
{
    Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>> a(z, n);
    switch (act) {
    case Activation::ReLU: a = a.max(Scalar(0)); break;
    case Activation::LeakyReLU: a = (a > Scalar(0)).select(a, a * Scalar(leakyReluSlope)); break;
    case Activation::Sigmoid:
        a = -a;
        safeExp(z, z, n);
        a = Scalar(1) / (Scalar(1) + a);
        break;
    case Activation::Tanh: a = a.tanh(); break;
    case Activation::Linear: break;
    }
}

/** g *= f'(z), with f'(z) computed from a = f(z) as in the file comment; \a n values. */
template <class Scalar> void multiplyByDerivative(Activation act, const Scalar *a, Scalar *g, Eigen::Index n)
{
    Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> av(a, n);
    Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>> gv(g, n);
    switch (act) {
    case Activation::ReLU: gv = (av > Scalar(0)).select(gv, Scalar(0)); break;
    case Activation::LeakyReLU: gv = (av > Scalar(0)).select(gv, gv * Scalar(leakyReluSlope)); break;
    case Activation::Sigmoid: gv = gv * (av * (Scalar(1) - av)); break;
    case Activation::Tanh: gv = gv * (Scalar(1) - av * av); break;
    case Activation::Linear: break;
    }
}

} // namespace logitlab
