// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A multilayer perceptron: dense layers with one hidden activation and a linear last layer
 * (the output head turns its outputs into probabilities and a loss). All parameters live in one
 * flat vector, so an optimiser, a snapshot or a restore touches them in one sweep.
 */
#include "nn/activation.h"
#include "nn/densekernels.h"
#include "nn/formatkernels.h"
#include "nn/mixedprecision.h"
#include "random/rng.h"
#include "text/nametable.h"

#include <Eigen/Core>

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace logitlab {

/** \brief How the weights start: uniform in [-limit, limit], times the init scale. */
enum class Init {
    Glorot, ///< limit = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio 2010; Keras's default)
    He ///< limit = sqrt(6 / fan_in) (He et al. 2015, uniform variant)
};

inline constexpr NameTable<Init, 2> initNames {{{Init::Glorot, "glorot"}, {Init::He, "he"}}};

/** The canonical name of \a i ("glorot", "he"). */
inline std::string_view initName(Init i)
{
    return nameOf(initNames, i);
}

/** Parses a canonical init name; empty optional if unknown. */
inline std::optional<Init> parseInit(std::string_view text)
{
    return parseNameIn(initNames, text);
}

/**
 * \brief Dense layers sizes[0] -> sizes[1] -> ... -> sizes.back(). Weights of layer l are
 * stored out x in, row-major; the forward pass is Z = X W^T + b, A = f(Z).
 */
template <class Scalar> class Network {
public:
    using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
    using RowMatrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    /**
     * \a sizes: input width, hidden widths, outputs (>= 2 entries, all >= 1). Buffers hold \a maxBatch
     * rows. \a accumulate says what the 16-bit formats' dot products add up in (ignored by float
     * and double, which accumulate in their own format).
     */
    Network(std::vector<int> sizes, Activation hidden, Eigen::Index maxBatch,
        Accumulation accumulate = Accumulation::Float32)
        : m_sizes(std::move(sizes)), m_hidden(hidden), m_maxBatch(maxBatch), m_accumulate(accumulate)
    {
        Eigen::Index offset = 0;
        for (std::size_t l = 0; l + 1 < m_sizes.size(); ++l) {
            Layer layer;
            layer.in = m_sizes[l];
            layer.out = m_sizes[l + 1];
            layer.weights = offset;
            offset += layer.in * layer.out;
            layer.bias = offset;
            offset += layer.out;
            m_layers.push_back(layer);
        }
        m_params.setZero(offset);
        m_grads.setZero(offset);
        for (Layer &layer : m_layers) {
            layer.activations.resize(m_maxBatch * layer.out);
            layer.delta.resize(m_maxBatch * layer.out);
            for (Eigen::Index j = 0; j < layer.out; ++j)
                layer.weightRows.push_back(m_params.data() + layer.weights + j * layer.in);
            for (Eigen::Index r = 0; r < m_maxBatch; ++r)
                layer.activationRows.push_back(layer.activations.data() + r * layer.out);
        }
    }

    // The row-pointer tables point into this object's buffers.
    Network(const Network &) = delete;
    Network &operator=(const Network &) = delete;

    const std::vector<int> &sizes() const { return m_sizes; }
    Activation hiddenActivation() const { return m_hidden; }
    int layerCount() const { return int(m_layers.size()); }
    int outputs() const { return m_sizes.back(); }
    Eigen::Index maxBatch() const { return m_maxBatch; }

    /** All parameters: layer by layer, weights (out x in, row-major) then biases. */
    Array &parameters() { return m_params; }
    const Array &parameters() const { return m_params; }
    /** The gradient of the last backward(), laid out as parameters(). */
    Array &gradients() { return m_grads; }
    const Array &gradients() const { return m_grads; }

    /** Layer \a l's weights as an out x in matrix. */
    Eigen::Map<const RowMatrix> weights(int l) const
    {
        const Layer &L = m_layers[l];
        return {m_params.data() + L.weights, L.out, L.in};
    }
    Eigen::Map<const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> bias(int l) const
    {
        const Layer &L = m_layers[l];
        return {m_params.data() + L.bias, L.out};
    }
    /** Offsets of layer \a l's weights and bias in parameters(). */
    Eigen::Index weightOffset(int l) const { return m_layers[l].weights; }
    Eigen::Index weightCount(int l) const { return m_layers[l].in * m_layers[l].out; }

    /**
     * Weights uniform in [-limit, limit] * \a scale (see Init), drawn in double from
     * Rng(seed, 1) layer by layer in storage order and rounded to float32 (then widened, exactly,
     * for float64, or rounded once more for the 16-bit formats); biases 0. So float32 and float64
     * twins start from identical values, and a 16-bit run from those values rounded.
     */
    void initialise(Init init, double scale, std::uint64_t seed)
    {
        m_params = initialValues(init, scale, seed).template cast<Scalar>();
    }

    /** The float32 values initialise() rounds to Scalar, in the layout of parameters(). */
    Eigen::ArrayXf initialValues(Init init, double scale, std::uint64_t seed) const
    {
        Rng rng(seed, 1);
        Eigen::ArrayXf values = Eigen::ArrayXf::Zero(m_params.size());
        for (const Layer &L : m_layers) {
            const double fanIn = double(L.in), fanOut = double(L.out);
            const double limit
                = scale * (init == Init::He ? std::sqrt(6.0 / fanIn) : std::sqrt(6.0 / (fanIn + fanOut)));
            for (Eigen::Index i = 0; i < L.in * L.out; ++i)
                values[L.weights + i] = static_cast<float>(rng.uniform(-limit, limit));
        }
        return values;
    }

    /**
     * Forward pass of \a batch samples given as row pointers (each sizes()[0] wide).
     * Returns the logits: batch x outputs(), row-major, valid until the next call.
     */
    const Scalar *forward(const Scalar *const *rows, Eigen::Index batch)
    {
        const Scalar *const *input = rows;
        for (std::size_t l = 0; l < m_layers.size(); ++l) {
            Layer &L = m_layers[l];
            dotRows(input, batch, m_params.data() + L.weights, L.in, L.out, L.in, m_params.data() + L.bias,
                L.activations.data(), L.out);
            if (l + 1 < m_layers.size())
                applyActivation(m_hidden, L.activations.data(), batch * L.out);
            input = L.activationRows.data();
        }
        return m_layers.back().activations.data();
    }

    /** Where the caller writes dLoss/dlogits (batch x outputs(), row-major) before backward(). */
    Scalar *outputGradient() { return m_layers.back().delta.data(); }

    /**
     * Back-propagates outputGradient() through the network after forward() on the same
     * \a rows; fills gradients(). Returns how many weight and bias gradients were flushed to
     * zero (16-bit formats only, see formatkernels.h; 0 for float and double).
     */
    long long backward(const Scalar *const *rows, Eigen::Index batch)
    {
        long long flushed = 0;
        for (std::size_t l = m_layers.size(); l-- > 0;) {
            Layer &L = m_layers[l];
            Scalar *dz = L.delta.data();
            if (l + 1 < m_layers.size())
                multiplyByDerivative(m_hidden, L.activations.data(), dz, batch * L.out);
            const Scalar *const *input = l == 0 ? rows : m_layers[l - 1].activationRows.data();
            // dW = dZ^T X: a(i, t) = dz[t * out + i].
            flushed += outerSum(dz, 1, L.out, L.out, input, batch, L.in, m_grads.data() + L.weights, L.in);
            flushed += kernels::columnSums(dz, batch, L.out, m_grads.data() + L.bias, m_accumulate);
            if (l > 0) {
                // dX = dZ W: a(i, t) = dz[i * out + t], b rows are the weight rows.
                outerSum(dz, L.out, 1, batch, L.weightRows.data(), L.out, L.in, m_layers[l - 1].delta.data(), L.in);
            }
        }
        return flushed;
    }

private:
    static constexpr bool sixteenBit = std::is_same_v<Scalar, Eigen::half> || std::is_same_v<Scalar, Eigen::bfloat16>;

    void dotRows(const Scalar *const *x, Eigen::Index rows, const Scalar *w, Eigen::Index ldw, Eigen::Index cols,
        Eigen::Index n, const Scalar *bias, Scalar *out, Eigen::Index ldo) const
    {
        if constexpr (sixteenBit)
            kernels::dotRows(x, rows, w, ldw, cols, n, bias, out, ldo, m_accumulate);
        else
            kernels::dotRows(x, rows, w, ldw, cols, n, bias, out, ldo);
    }

    long long outerSum(const Scalar *a, Eigen::Index aRow, Eigen::Index aCol, Eigen::Index rows, const Scalar *const *b,
        Eigen::Index depth, Eigen::Index n, Scalar *out, Eigen::Index ldo) const
    {
        if constexpr (sixteenBit) {
            return kernels::outerSum(a, aRow, aCol, rows, b, depth, n, out, ldo, m_accumulate);
        } else {
            kernels::outerSum(a, aRow, aCol, rows, b, depth, n, out, ldo);
            return 0;
        }
    }

    struct Layer {
        Eigen::Index in = 0, out = 0;
        Eigen::Index weights = 0, bias = 0; // offsets into m_params / m_grads
        // Eigen arrays, aligned to EIGEN_MAX_ALIGN_BYTES: Eigen's vectorised exp/tanh peel a
        // scalar prologue up to the first aligned packet, and the scalar and packet paths round
        // differently, so a buffer whose alignment varied from run to run would break
        // bit-reproducibility.
        Array activations; // maxBatch x out: A = f(Z) (Z for the last layer)
        Array delta; // maxBatch x out: dLoss/dZ
        std::vector<const Scalar *> weightRows;
        std::vector<const Scalar *> activationRows;
    };

    std::vector<int> m_sizes;
    Activation m_hidden;
    Eigen::Index m_maxBatch;
    Accumulation m_accumulate;
    Array m_params;
    Array m_grads;
    std::vector<Layer> m_layers;
};

} // namespace logitlab
