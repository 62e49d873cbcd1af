// SPDX-License-Identifier: GPL-3.0-or-later
/** \file
 * libFuzzer target: the IDX reader (core/data/idxreader.h, idxdataset.h) on raw and gzip bytes.
 * The first byte picks the mode: raw bytes as given, the same bytes gzip-compressed (so the
 * fuzzer reaches the parser behind a valid gzip stream), or an image/label pair for
 * datasetFromIdxBytes. Invariants: nothing above the limit is allocated (ASan would report an
 * allocation far past the input); an accepted array has the expected dimensions, none zero,
 * and exactly their product of values; a data set's labels are below its class count.
 */
#include "data/idxdataset.h"
#include "data/idxreader.h"
#include "fuzzinput.h"

#include <zlib.h>

#include <vector>

using namespace logitlab;

namespace {

std::vector<std::uint8_t> gzip(std::span<const std::uint8_t> raw)
{
    z_stream z {};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::vector<std::uint8_t> out(deflateBound(&z, raw.size()) + 32);
    z.next_in = const_cast<Bytef *>(raw.data());
    z.avail_in = uInt(raw.size());
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

void check(const IdxResult &r, int dims, std::size_t limit)
{
    if (!r.ok())
        return;
    if (int(r.array.dims.size()) != dims)
        fuzzinput::fail("wrong number of dimensions accepted");
    std::size_t product = 1;
    for (std::uint32_t d : r.array.dims) {
        if (d == 0)
            fuzzinput::fail("zero dimension accepted");
        product *= d;
    }
    if (product != r.array.values.size() || r.array.values.size() > limit)
        fuzzinput::fail("values do not match the dimensions");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzinput::Bytes in {data, size};
    const std::uint64_t mode = in.take(1);
    const int dims = int(mode >> 2) % 4 + 1;
    const std::span<const std::uint8_t> rest(in.data, in.size);
    const std::size_t limit = std::size_t(1) << 20;
    switch (mode & 3) {
    case 0: check(readIdx(rest, dims, limit), dims, limit); break;
    case 1: {
        const std::vector<std::uint8_t> z = gzip(rest);
        check(readIdx(z, dims, limit), dims, limit);
        break;
    }
    default: {
        // An image file and a label file, split where the next two bytes say.
        const std::size_t where = std::size_t(in.take(2));
        const std::size_t split = where % (in.size + 1);
        const std::span<const std::uint8_t> both(in.data, in.size);
        const DatasetResult d = datasetFromIdxBytes(both.first(split), both.subspan(split), 10);
        if (d.ok()) {
            if (std::size_t(d.dataset.size()) != d.dataset.labels.size())
                fuzzinput::fail("images and labels differ in count");
            for (int label : d.dataset.labels)
                if (label < 0 || label >= d.dataset.classes)
                    fuzzinput::fail("label out of range accepted");
        }
    }
    }
    return 0;
}
