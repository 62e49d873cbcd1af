// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The optimisers: small structs whose hyperparameters are named fields (as tiny-dnn does), and
 * the one update loop that applies any of them to a flat parameter vector.
 * The formulas are Keras's (tf.keras.optimizers), which the course uses.
 */
#include "precision/formatrounding.h"
#include "text/nametable.h"

#include <Eigen/Core>

#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <variant>

namespace logitlab {

/** \brief Plain stochastic gradient descent: w -= lr * g. */
struct Sgd {
    double learningRate = 0.01; ///< step size (Keras's default 0.01; the course uses 0.1)
    bool operator==(const Sgd &) const = default;
};

/** \brief SGD with momentum (Keras form): v = momentum * v - lr * g; w += v. */
struct Momentum {
    double learningRate = 0.01; ///< step size
    double momentum = 0.9; ///< fraction of the previous step kept, in [0, 1)
    bool operator==(const Momentum &) const = default;
};

/**
 * \brief Adam (Kingma and Ba, ICLR 2015), Keras form: m = b1 m + (1 - b1) g,
 * v = b2 v + (1 - b2) g^2, w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + epsilon).
 */
struct Adam {
    double learningRate = 0.001; ///< step size
    double beta1 = 0.9; ///< decay of the mean of the gradients
    double beta2 = 0.999; ///< decay of the mean of the squared gradients
    double epsilon = 1e-7; ///< added to the root (Keras 1e-7; PyTorch uses 1e-8)
    bool operator==(const Adam &) const = default;
};

/** \brief Any one of the optimisers. */
using Optimizer = std::variant<Sgd, Momentum, Adam>;

/** \brief The optimiser kinds by name, for the command line and the settings. */
enum class OptimizerKind { Sgd, Momentum, Adam };

inline constexpr NameTable<OptimizerKind, 3> optimizerNames {
    {{OptimizerKind::Sgd, "sgd"}, {OptimizerKind::Momentum, "momentum"}, {OptimizerKind::Adam, "adam"}}};

/** The canonical name of \a k ("sgd", "momentum", "adam"). */
inline std::string_view optimizerName(OptimizerKind k)
{
    return nameOf(optimizerNames, k);
}

/** Parses a canonical optimiser name; empty optional if unknown. */
inline std::optional<OptimizerKind> parseOptimizer(std::string_view text)
{
    return parseNameIn(optimizerNames, text);
}

inline OptimizerKind optimizerKind(const Optimizer &o)
{
    return static_cast<OptimizerKind>(o.index());
}

/** An optimiser of kind \a k with its default hyperparameters and learning rate \a lr. */
inline Optimizer makeOptimizer(OptimizerKind k, double lr)
{
    switch (k) {
    case OptimizerKind::Sgd: return Sgd {lr};
    case OptimizerKind::Momentum: return Momentum {lr};
    case OptimizerKind::Adam: break;
    }
    return Adam {lr};
}

inline double learningRate(const Optimizer &o)
{
    return std::visit([](const auto &opt) { return opt.learningRate; }, o);
}

/**
 * \brief The state an optimiser carries between steps (velocity, moments, step count) and the
 * update itself. Buffers are sized once by reset(); update() allocates nothing.
 */
template <class Scalar> struct OptimizerState {
    Eigen::Array<Scalar, Eigen::Dynamic, 1> first; ///< momentum velocity, or Adam's m
    Eigen::Array<Scalar, Eigen::Dynamic, 1> second; ///< Adam's v
    long long steps = 0; ///< updates done (Adam's t)

    void reset(Eigen::Index n)
    {
        first.setZero(n);
        second.setZero(n);
        steps = 0;
    }

    /**
     * The step of one update with gradient \a g at learning rate \a lr (the schedule's current
     * value, which overrides the optimiser's own), into \a dw: the new weights are w + dw. Every
     * operation is in Scalar, so for the 16-bit formats each one is rounded to the format.
     */
    void step(const Optimizer &opt, double lr, const Eigen::Ref<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> &g,
        Eigen::Array<Scalar, Eigen::Dynamic, 1> &dw)
    {
        ++steps;
        const Scalar rate = narrowFromDouble<Scalar>(lr);
        if (std::holds_alternative<Sgd>(opt)) {
            dw = -(rate * g);
        } else if (const auto *m = std::get_if<Momentum>(&opt)) {
            first = narrowFromDouble<Scalar>(m->momentum) * first - rate * g;
            dw = first;
        } else {
            const Adam &a = std::get<Adam>(opt);
            const Scalar b1 = narrowFromDouble<Scalar>(a.beta1), b2 = narrowFromDouble<Scalar>(a.beta2);
            first = b1 * first + (Scalar(1) - b1) * g;
            second = b2 * second + (Scalar(1) - b2) * g.square();
            const Scalar c1 = narrowFromDouble<Scalar>(1.0 - std::pow(a.beta1, double(steps)));
            const Scalar c2 = narrowFromDouble<Scalar>(1.0 - std::pow(a.beta2, double(steps)));
            // numext::sqrt per element, correctly rounded (Eigen's packet sqrt under EIGEN_FAST_MATH is
            // rsqrt plus a Newton step: 1 ulp off, and NaN for inf).
            const auto root = (second / c2).unaryExpr([](Scalar v) { return Eigen::numext::sqrt(v); });
            dw = -(rate * (first / c1) / (root + narrowFromDouble<Scalar>(a.epsilon)));
        }
    }

    /** One update of \a w: step(), then w += dw rounded to nearest (\a dw is scratch). */
    void update(const Optimizer &opt, double lr, Eigen::Ref<Eigen::Array<Scalar, Eigen::Dynamic, 1>> w,
        const Eigen::Ref<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> &g, Eigen::Array<Scalar, Eigen::Dynamic, 1> &dw)
    {
        step(opt, lr, g, dw);
        w += dw;
    }

    /** update() with a buffer of its own. */
    void update(const Optimizer &opt, double lr, Eigen::Ref<Eigen::Array<Scalar, Eigen::Dynamic, 1>> w,
        const Eigen::Ref<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> &g)
    {
        Eigen::Array<Scalar, Eigen::Dynamic, 1> dw;
        update(opt, lr, w, g, dw);
    }
};

} // namespace logitlab
