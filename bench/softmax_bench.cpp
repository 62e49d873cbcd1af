// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * Matrix softmax along the last axis (dim=1), float32, one thread: naive, shifted, log-softmax
 * and Higham's variant on [1,000,000 x 10] and [10,000 x 1000] logits drawn uniformly from
 * [-8, 8) (bench/torch_softmax.py times PyTorch on the same shapes and distribution).
 * "rowwise_vector_shifted" calls the vector kernel of softmax.h once per row, for comparison.
 * Each benchmark reports elements/s (rows x cols per second).
 */
#include "softmax/softmax.h"
#include "softmax/softmaxmatrix.h"

#include <benchmark/benchmark.h>

#include <cstdint>

using namespace logitlab;

namespace {

RowMatrix<float> logits(Eigen::Index rows, Eigen::Index cols)
{
    RowMatrix<float> z(rows, cols);
    std::uint64_t state = 1;
    for (Eigen::Index i = 0; i < z.size(); ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull; // PCG/Knuth LCG step
        z.data()[i] = -8.0f + 16.0f * static_cast<float>(state >> 40) * 0x1.0p-24f;
    }
    return z;
}

void setCounters(benchmark::State &state, const RowMatrix<float> &z)
{
    const double elements = static_cast<double>(z.size()) * static_cast<double>(state.iterations());
    state.counters["elements/s"] = benchmark::Counter(elements, benchmark::Counter::kIsRate);
}

template <void (*Kernel)(const RowMatrix<float> &, Axis, RowMatrix<float> &, SoftmaxFlags *)>
void matrixKernel(benchmark::State &state)
{
    const RowMatrix<float> z = logits(state.range(0), state.range(1));
    RowMatrix<float> out(z.rows(), z.cols());
    for (auto _ : state) {
        Kernel(z, Axis::Rows, out, nullptr);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, z);
}

void naive(const RowMatrix<float> &z, Axis a, RowMatrix<float> &o, SoftmaxFlags *f)
{
    naiveSoftmax<float>(z, a, o, f);
}
void shifted(const RowMatrix<float> &z, Axis a, RowMatrix<float> &o, SoftmaxFlags *f)
{
    shiftedSoftmax<float>(z, a, o, f);
}
void logsoftmax(const RowMatrix<float> &z, Axis a, RowMatrix<float> &o, SoftmaxFlags *f)
{
    logSoftmax<float>(z, a, o, f);
}

void higham(benchmark::State &state)
{
    const RowMatrix<float> z = logits(state.range(0), state.range(1));
    HighamMatrixResult<float> out;
    highamSoftmax<float>(z, Axis::Rows, out);
    for (auto _ : state) {
        highamSoftmax<float>(z, Axis::Rows, out);
        benchmark::DoNotOptimize(out.softmax.data());
        benchmark::DoNotOptimize(out.logSoftmax.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, z);
}

void rowwiseVectorShifted(benchmark::State &state)
{
    const RowMatrix<float> z = logits(state.range(0), state.range(1));
    Vector<float> in(z.cols()), out(z.cols());
    RowMatrix<float> result(z.rows(), z.cols());
    for (auto _ : state) {
        for (Eigen::Index r = 0; r < z.rows(); ++r) {
            in = z.row(r).transpose();
            shiftedSoftmax<float>(in, out);
            result.row(r) = out.transpose();
        }
        benchmark::DoNotOptimize(result.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, z);
}

void shapes(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"rows", "cols"})->Args({1000000, 10})->Args({10000, 1000})->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(matrixKernel<naive>)->Name("naive")->Apply(shapes);
BENCHMARK(matrixKernel<shifted>)->Name("shifted")->Apply(shapes);
BENCHMARK(matrixKernel<logsoftmax>)->Name("log_softmax")->Apply(shapes);
BENCHMARK(higham)->Name("higham")->Apply(shapes);
BENCHMARK(rowwiseVectorShifted)->Name("rowwise_vector_shifted")->Apply(shapes);

BENCHMARK_MAIN();
