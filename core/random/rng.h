// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Our own random numbers, so that the same seed gives the same bits on every platform and
 * standard library (std:: distributions are implementation-defined). SplitMix64 (Steele, Lea
 * and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) expands a seed into
 * the state of xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47, 2021), which draws the numbers.
 */
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace logitlab {

// The 128-bit product of Lemire's method (a GCC/Clang extension; __extension__ keeps -Wpedantic quiet).
__extension__ using UInt128 = unsigned __int128;

/** \brief SplitMix64: one 64-bit state, one output per call; used to seed other generators. */
struct SplitMix64 {
    std::uint64_t state;

    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

/** \brief xoshiro256**: the generator behind every random choice the trainer and data sets make. */
class Rng {
public:
    /** Seeds the state from \a seed through SplitMix64; \a stream picks an independent sequence. */
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0)
    {
        SplitMix64 sm {seed ^ (stream * 0xD1B54A32D192ED03ULL)};
        for (auto &word : m_s)
            word = sm.next();
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /** Uniform double in [0, 1): the top 53 bits times 2^-53 (exact). */
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /** Uniform double in [lo, hi). */
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    /**
     * Integer in [0, n), by Lemire's multiply-shift ("Fast random integer generation in an
     * interval", ACM TOMCAT 29, 2019) with its rejection step, so it is exactly uniform.
     */
    std::uint64_t below(std::uint64_t n)
    {
        UInt128 m = static_cast<UInt128>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<UInt128>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    /** Standard normal by Box-Muller (uses the C library's log, sqrt and cos). */
    double normal()
    {
        const double u1 = 1.0 - uniform(); // in (0, 1]: log is finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

    /** Fisher-Yates shuffle of \a v: for i = n-1 down to 1, swap v[i] with v[below(i+1)]. */
    template <class T> void shuffle(std::vector<T> &v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

} // namespace logitlab
