// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * A strided parallel loop over [0, n) on up to hardware_concurrency() std::threads, stopping
 * early (within one iteration) when a cancel predicate says so. Each worker touches only its own
 * indices.
 */
#include <mpfr.h>

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace logitlab {

/** Workers a sweep uses by default: one per hardware thread, at least 1, at most 8. */
inline std::size_t parallelWorkers()
{
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

/**
 * Calls body(i) for every i in [0, n) (any order) on up to \a workers threads, the calling one
 * included; stops early once cancelled() is true.
 *
 * MPFR keeps per-thread caches (constants such as log 2 and pi at the largest precision asked
 * for, and a pool of mpz_t) that it never frees when a thread ends (MPFR 4.2 manual: call
 * mpfr_free_cache "before terminating a thread"). Each thread started here frees its own with
 * mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE) before it returns, so that a sweep leaves nothing
 * behind (issue 13, defect 4: ~1.3 KB lost per thread and per sweep). The calling thread frees
 * its cache too at the end, since it is often a pool thread that ends later (refilling the cache
 * costs microseconds; a sweep, milliseconds to seconds).
 */
template <class Body, class Cancelled>
void parallelFor(std::size_t n, Body &&body, Cancelled &&cancelled, std::size_t workers = parallelWorkers())
{
    workers = std::max<std::size_t>(workers, 1);
    const auto run = [&](std::size_t first) {
        for (std::size_t i = first; i < n; i += workers) {
            if (cancelled()) // every point: a sweep point costs 75 us to 50 ms, the check ~20 ns
                return;
            body(i);
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < std::min(workers, n); ++w)
        threads.emplace_back([&run, w] {
            run(w);
            mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
        });
    run(0);
    for (std::thread &t : threads)
        t.join();
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
}

} // namespace logitlab
