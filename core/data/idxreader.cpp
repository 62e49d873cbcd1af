// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/idxreader.h"

#include <zlib.h>

#include <fstream>
#include <limits>

namespace logitlab {

IdxError gunzipIfNeeded(std::span<const std::uint8_t> bytes, std::vector<std::uint8_t> &out, std::size_t limit)
{
    const bool gzip = bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
    if (!gzip) {
        if (bytes.size() > limit)
            return IdxError::TooLarge;
        out.assign(bytes.begin(), bytes.end());
        return IdxError::None;
    }
    z_stream zs {};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return IdxError::GzipCorrupt;
    zs.next_in = const_cast<Bytef *>(bytes.data());
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size(), std::numeric_limits<uInt>::max()));
    out.clear();
    constexpr std::size_t chunk = std::size_t(1) << 20;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        const std::size_t used = out.size();
        if (used >= limit) {
            // Full: one more byte of output would pass the limit.
            std::uint8_t probe;
            zs.next_out = &probe;
            zs.avail_out = 1;
            status = inflate(&zs, Z_NO_FLUSH);
            inflateEnd(&zs);
            return (status == Z_STREAM_END && zs.avail_out == 1) ? IdxError::None : IdxError::TooLarge;
        }
        const std::size_t grow = std::min(chunk, limit - used);
        out.resize(used + grow);
        zs.next_out = out.data() + used;
        zs.avail_out = static_cast<uInt>(grow);
        status = inflate(&zs, Z_NO_FLUSH);
        out.resize(used + grow - zs.avail_out);
        if (status == Z_STREAM_END)
            break;
        if (status != Z_OK || (zs.avail_out != 0 && zs.avail_in == 0)) {
            inflateEnd(&zs);
            return IdxError::GzipCorrupt; // a zlib error, or the input ended before the stream
        }
    }
    inflateEnd(&zs);
    return IdxError::None;
}

IdxResult readIdx(std::span<const std::uint8_t> bytes, int expectedDims, std::size_t limit)
{
    IdxResult result;
    std::vector<std::uint8_t> raw;
    if ((result.error = gunzipIfNeeded(bytes, raw, limit)) != IdxError::None)
        return result;
    auto fail = [&](IdxError e) {
        result.error = e;
        result.array = {};
        return result;
    };
    if (raw.size() < 4)
        return fail(IdxError::Truncated);
    if (raw[0] != 0 || raw[1] != 0)
        return fail(IdxError::BadMagic);
    if (raw[2] != 0x08)
        return fail(IdxError::UnsupportedType);
    const int dims = raw[3];
    if (dims != expectedDims)
        return fail(IdxError::BadDimensionCount);
    const std::size_t header = 4 + 4 * std::size_t(dims);
    if (raw.size() < header)
        return fail(IdxError::Truncated);
    std::uint64_t count = 1;
    for (int d = 0; d < dims; ++d) {
        const std::uint8_t *p = raw.data() + 4 + 4 * d;
        const std::uint32_t n = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8)
            | std::uint32_t(p[3]);
        if (n == 0)
            return fail(IdxError::ZeroDimension);
        count *= n; // at most 2^32 per factor: checked against the limit before it can overflow
        if (count > limit)
            return fail(IdxError::TooLarge);
        result.array.dims.push_back(n);
    }
    if (raw.size() - header < count)
        return fail(IdxError::Truncated);
    if (raw.size() - header > count)
        return fail(IdxError::SizeMismatch);
    result.array.values.assign(raw.begin() + std::ptrdiff_t(header), raw.end());
    return result;
}

IdxResult readIdxFile(const std::filesystem::path &path, int expectedDims, std::size_t limit)
{
    IdxResult result;
    // A directory opens as a stream of unknown size; say what it is instead of "too large".
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        result.error = IdxError::FileMissing;
        return result;
    }
    if (!ec && status.type() != std::filesystem::file_type::regular) {
        result.error = IdxError::NotAFile;
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = IdxError::FileUnreadable;
        return result;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) {
        result.error = IdxError::FileUnreadable;
        return result;
    }
    if (std::uint64_t(size) > limit) {
        result.error = IdxError::TooLarge;
        return result;
    }
    in.seekg(0, std::ios::beg);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (!in.read(reinterpret_cast<char *>(bytes.data()), size)) {
        result.error = IdxError::FileUnreadable;
        return result;
    }
    return readIdx(bytes, expectedDims, limit);
}

} // namespace logitlab
