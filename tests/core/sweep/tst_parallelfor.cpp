// SPDX-License-Identifier: GPL-3.0-or-later
/** \file parallelFor: every index once, early stop, and no MPFR cache left behind (issue 13, defect 4). */
#include "sweep/parallelfor.h"

#include <QTest>

#include <gmp.h>
#include <mpfr.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

using namespace logitlab;

namespace {

/*
 * Live bytes allocated through GMP's memory functions, which MPFR uses for everything it
 * allocates, its per-thread caches included. GMP passes the size of a block to free and realloc,
 * so plain malloc/realloc/free underneath need no header, and a block allocated before these
 * functions were installed is still freed correctly.
 */
std::atomic<long long> liveBytes {0};

void *countingAlloc(std::size_t size)
{
    liveBytes += static_cast<long long>(size);
    return std::malloc(size);
}

void *countingRealloc(void *p, std::size_t oldSize, std::size_t newSize)
{
    liveBytes += static_cast<long long>(newSize) - static_cast<long long>(oldSize);
    return std::realloc(p, newSize);
}

void countingFree(void *p, std::size_t size)
{
    liveBytes -= static_cast<long long>(size);
    std::free(p);
}

/** What a sweep point does to MPFR's caches: pi and log 2 at \a bits, and an exp that uses the mpz pool. */
void useMpfrCaches(mpfr_prec_t bits)
{
    mpfr_t x;
    mpfr_init2(x, bits);
    mpfr_const_pi(x, MPFR_RNDN);
    mpfr_const_log2(x, MPFR_RNDN);
    mpfr_set_ui(x, 1000, MPFR_RNDN);
    mpfr_exp(x, x, MPFR_RNDN);
    mpfr_clear(x);
}

} // namespace

class TestParallelFor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyIndexOnce_data();
    void everyIndexOnce();
    void stopsWhenCancelled();
    void measurementSeesAThreadCache();
    void leavesNoMpfrCache_data();
    void leavesNoMpfrCache();
};

void TestParallelFor::initTestCase()
{
    mp_set_memory_functions(countingAlloc, countingRealloc, countingFree);
}

void TestParallelFor::everyIndexOnce_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("workers");
    QTest::addRow("empty range") << 0 << 4;
    QTest::addRow("one index, 4 workers") << 1 << 4;
    QTest::addRow("fewer indices than workers") << 3 << 8;
    QTest::addRow("1000 indices, 1 worker") << 1000 << 1;
    QTest::addRow("1000 indices, 3 workers") << 1000 << 3;
    QTest::addRow("1001 indices, 8 workers") << 1001 << 8;
    QTest::addRow("0 workers means 1") << 10 << 0;
}

void TestParallelFor::everyIndexOnce()
{
    QFETCH(int, n);
    QFETCH(int, workers);
    std::vector<std::atomic<int>> visits(static_cast<std::size_t>(n));
    parallelFor(
        static_cast<std::size_t>(n), [&](std::size_t i) { ++visits[i]; }, [] { return false; },
        static_cast<std::size_t>(workers));
    for (int i = 0; i < n; ++i)
        QCOMPARE(visits[static_cast<std::size_t>(i)].load(), 1);
}

// Each worker checks before every index: once cancelled, each of the 4 finishes at most the
// index it is on, so at most 10 + 4 bodies run of the 100000.
void TestParallelFor::stopsWhenCancelled()
{
    std::atomic<int> calls {0};
    parallelFor(
        100000, [&](std::size_t) { ++calls; }, [&] { return calls.load() >= 10; }, 4);
    QVERIFY(calls.load() >= 10);
    QVERIFY2(calls.load() <= 14, qPrintable(QString::number(calls.load())));
}

// The control: a thread that computed MPFR constants holds cache memory until it frees it.
// Shows that the measurement below can see a thread's cache (so that test can fail).
void TestParallelFor::measurementSeesAThreadCache()
{
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    const long long before = liveBytes.load();
    std::mutex m;
    std::condition_variable cv;
    bool computed = false, release = false;
    std::thread t([&] {
        useMpfrCaches(20000);
        {
            const std::lock_guard lock(m);
            computed = true;
        }
        cv.notify_all();
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return release; });
        mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return computed; });
    }
    const long long held = liveBytes.load() - before;
    {
        const std::lock_guard lock(m);
        release = true;
    }
    cv.notify_all();
    t.join();
    // pi and log 2 at 20000 bits are 2 x 2504 bytes of significand at least.
    QVERIFY2(held >= 5000, qPrintable(QString::number(held)));
    QCOMPARE(liveBytes.load(), before);
}

void TestParallelFor::leavesNoMpfrCache_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("bits");
    QTest::addRow("2 workers, 256 bits (a reference)") << 2 << 256;
    QTest::addRow("4 workers, 256 bits") << 4 << 256;
    QTest::addRow("8 workers, 20000 bits (Ziv's loop at its worst)") << 8 << 20000;
}

// Before the fix each started thread kept its caches when it ended: 1.3 KB per thread at 256
// bits, more at higher precision, on every sweep.
void TestParallelFor::leavesNoMpfrCache()
{
    QFETCH(int, workers);
    QFETCH(int, bits);
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    const long long before = liveBytes.load();
    for (int sweep = 0; sweep < 3; ++sweep)
        parallelFor(
            64, [&](std::size_t) { useMpfrCaches(bits); }, [] { return false; }, static_cast<std::size_t>(workers));
    QCOMPARE(liveBytes.load() - before, 0LL);
}

QTEST_APPLESS_MAIN(TestParallelFor)
#include "tst_parallelfor.moc"
