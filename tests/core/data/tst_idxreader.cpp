// SPDX-License-Identifier: GPL-3.0-or-later
/** \file Tests for core/data/idxreader.h and idxdataset.h: every error, gzip, and the real files. */
#include "data/idxdataset.h"
#include "data/idxreader.h"

#include <QTest>

#include <filesystem>

#include <zlib.h>

#include <cstdint>
#include <vector>

using namespace logitlab;

Q_DECLARE_METATYPE(logitlab::IdxError)
Q_DECLARE_METATYPE(std::vector<std::uint8_t>)

namespace {

using Bytes = std::vector<std::uint8_t>;

void put32(Bytes &b, std::uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8)
        b.push_back(std::uint8_t(v >> s));
}

/** A well-formed IDX file of unsigned bytes with the given sizes; value i is i mod 256. */
Bytes idx(std::vector<std::uint32_t> dims, std::size_t extra = 0, std::size_t missing = 0)
{
    Bytes b {0, 0, 0x08, std::uint8_t(dims.size())};
    std::size_t n = 1;
    for (auto d : dims) {
        put32(b, d);
        n *= d;
    }
    for (std::size_t i = 0; i < n + extra - missing; ++i)
        b.push_back(std::uint8_t(i));
    return b;
}

Bytes gzip(const Bytes &raw)
{
    z_stream zs {};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    Bytes out(deflateBound(&zs, uLong(raw.size())) + 32);
    zs.next_in = const_cast<Bytef *>(raw.data());
    zs.avail_in = uInt(raw.size());
    zs.next_out = out.data();
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

} // namespace

class TestIdxReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errors_data()
    {
        QTest::addColumn<Bytes>("bytes");
        QTest::addColumn<int>("dims");
        QTest::addColumn<IdxError>("error");
        QTest::addRow("valid 2 x 3 x 4") << idx({2, 3, 4}) << 3 << IdxError::None;
        QTest::addRow("valid labels") << idx({5}) << 1 << IdxError::None;
        QTest::addRow("empty") << Bytes {} << 1 << IdxError::Truncated;
        Bytes magic = idx({5});
        magic[0] = 1;
        QTest::addRow("bad magic") << magic << 1 << IdxError::BadMagic;
        Bytes type = idx({5});
        type[2] = 0x0D; // float32 IDX
        QTest::addRow("float type") << type << 1 << IdxError::UnsupportedType;
        QTest::addRow("images where labels expected") << idx({2, 2, 2}) << 1 << IdxError::BadDimensionCount;
        QTest::addRow("zero dimension") << idx({0, 28, 28}) << 3 << IdxError::ZeroDimension;
        QTest::addRow("one byte missing") << idx({3, 4, 4}, 0, 1) << 3 << IdxError::Truncated;
        QTest::addRow("one byte extra") << idx({3, 4, 4}, 1) << 3 << IdxError::SizeMismatch;
        Bytes header = idx({5});
        header.resize(6); // cut inside the size field
        QTest::addRow("cut in header") << header << 1 << IdxError::Truncated;
        // A corrupt header claiming 4e9 x 4e9 x 4e9 bytes: refused before allocating anything.
        Bytes huge {0, 0, 0x08, 3};
        put32(huge, 0xFFFFFFFFu);
        put32(huge, 0xFFFFFFFFu);
        put32(huge, 0xFFFFFFFFu);
        QTest::addRow("header claims 2^96 bytes") << huge << 3 << IdxError::TooLarge;
        QTest::addRow("gzip valid") << gzip(idx({2, 3, 4})) << 3 << IdxError::None;
        Bytes cut = gzip(idx({50, 28, 28}));
        cut.resize(cut.size() / 2);
        QTest::addRow("gzip cut in half") << cut << 3 << IdxError::GzipCorrupt;
        Bytes garbage = gzip(idx({5}));
        for (std::size_t i = 10; i < garbage.size(); ++i)
            garbage[i] ^= 0x5A;
        QTest::addRow("gzip garbage") << garbage << 1 << IdxError::GzipCorrupt;
    }
    void errors()
    {
        QFETCH(Bytes, bytes);
        QFETCH(int, dims);
        QFETCH(IdxError, error);
        const IdxResult r = readIdx(bytes, dims);
        QCOMPARE(r.error, error);
        if (error == IdxError::None) {
            std::size_t n = 1;
            for (auto d : r.array.dims)
                n *= d;
            QCOMPARE(r.array.values.size(), n);
            QCOMPARE(r.array.values.back(), std::uint8_t((n - 1) % 256));
        }
    }

    void gzipBomb()
    {
        // 64 MiB of zeros compress to about 64 KiB: with a 1 MiB limit the reader stops early.
        const Bytes bomb = gzip(Bytes(std::size_t(64) << 20, 0));
        QVERIFY(bomb.size() < 200000);
        QCOMPARE(readIdx(bomb, 1, std::size_t(1) << 20).error, IdxError::TooLarge);
        Bytes out;
        QCOMPARE(gunzipIfNeeded(bomb, out, std::size_t(1) << 20), IdxError::TooLarge);
        QVERIFY(out.size() <= std::size_t(1) << 20);
        // Exactly at the limit is fine.
        const Bytes exact = gzip(Bytes(1000, 7));
        QCOMPARE(gunzipIfNeeded(exact, out, 1000), IdxError::None);
        QCOMPARE(out.size(), std::size_t(1000));
    }

    void datasetChecks()
    {
        IdxArray images {{3, 2, 2}, Bytes {0, 255, 51, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
        IdxArray labels {{3}, Bytes {1, 9, 0}};
        DatasetResult ok = datasetFromIdx(images, labels, 10);
        QVERIFY(ok.ok());
        QCOMPARE(ok.dataset.features(0, 1), 1.0f);
        QCOMPARE(ok.dataset.features(0, 2), 0.2f); // 51 / 255 = 0.2
        QCOMPARE(ok.dataset.labels, (std::vector<int> {1, 9, 0}));
        labels.values[1] = 10;
        QCOMPARE(datasetFromIdx(images, labels, 10).error, IdxError::LabelOutOfRange);
        IdxArray fewer {{2}, Bytes {1, 2}};
        QCOMPARE(datasetFromIdx(images, fewer, 10).error, IdxError::CountMismatch);
    }

    void realMnist10k()
    {
        // Expected counts from the data set's provenance README (computed by its own script).
        const SplitResult r = loadIdxDirectory(LOGITLAB_MNIST_DIR);
        QVERIFY(r.ok());
        QCOMPARE(r.split.train.size(), Eigen::Index(8000));
        QCOMPARE(r.split.test.size(), Eigen::Index(2000));
        QCOMPARE(r.split.train.featureCount(), Eigen::Index(784));
        QCOMPARE(r.split.train.imageRows, 28);
        const int trainCounts[10] = {801, 912, 797, 828, 784, 694, 804, 850, 739, 791};
        const int testCounts[10] = {200, 215, 194, 204, 196, 169, 210, 220, 205, 187};
        int tr[10] = {}, te[10] = {};
        for (int y : r.split.train.labels)
            ++tr[y];
        for (int y : r.split.test.labels)
            ++te[y];
        for (int c = 0; c < 10; ++c) {
            QCOMPARE(tr[c], trainCounts[c]);
            QCOMPARE(te[c], testCounts[c]);
        }
        QCOMPARE(r.split.train.features.minCoeff(), 0.0f);
        QCOMPARE(r.split.train.features.maxCoeff(), 1.0f);
    }

    void missingDirectory()
    {
        const SplitResult r = loadIdxDirectory("/nonexistent/mnist");
        QCOMPARE(r.error, IdxError::FileMissing);
        QCOMPARE(r.failedFile, IdxFile::TrainImages);
    }

    void directoryWhereAFileShouldBe()
    {
        // Issue 13: a directory was reported as "larger than the 256 MiB limit".
        const std::filesystem::path dir = std::filesystem::temp_directory_path() / "logitlab-idx-dir-test";
        std::filesystem::create_directories(dir);
        const IdxResult r = readIdxFile(dir, 3);
        QCOMPARE(r.error, IdxError::NotAFile);
        std::filesystem::remove(dir);
        QCOMPARE(readIdxFile(dir, 3).error, IdxError::FileMissing);
    }
};

QTEST_APPLESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
