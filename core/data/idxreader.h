// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Reader for the IDX format of MNIST (LeCun et al.): a big-endian header
 * [0, 0, type, dims] [dims x uint32 sizes] followed by the values, raw or gzip-compressed.
 * Every failure has its own error value; nothing is allocated before the header's sizes have
 * been checked against a limit, so a corrupt header cannot make the reader ask for gigabytes.
 */
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace logitlab {

/** \brief Why an IDX file could not be read. */
enum class IdxError {
    None,
    FileUnreadable, ///< the file could not be opened or read
    FileMissing, ///< there is no file at that path
    NotAFile, ///< the path is a directory (or another thing that is not a regular file)
    GzipCorrupt, ///< gzip data that zlib rejects or that ends early
    TooLarge, ///< decompressed data or the header's sizes exceed the limit
    Truncated, ///< fewer bytes than the header needs
    BadMagic, ///< the first two bytes are not zero
    UnsupportedType, ///< a value type other than unsigned byte (0x08)
    BadDimensionCount, ///< not the expected number of dimensions
    ZeroDimension, ///< a dimension of size 0
    SizeMismatch, ///< the payload is not exactly the product of the sizes
    LabelOutOfRange, ///< a label at or above the number of classes
    CountMismatch, ///< images and labels differ in count
};

/** \brief An IDX array of unsigned bytes with its dimensions. */
struct IdxArray {
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> values;
};

/** \brief The result of a read: an error, or the array. */
struct IdxResult {
    IdxError error = IdxError::None;
    IdxArray array;
    bool ok() const { return error == IdxError::None; }
};

/** Default limit on decompressed bytes: 256 MiB (the full MNIST training images are 47 MB). */
inline constexpr std::size_t idxDefaultLimit = std::size_t(256) << 20;

/** Inflates gzip \a bytes (or returns them unchanged if they are not gzip), up to \a limit bytes. */
IdxError gunzipIfNeeded(
    std::span<const std::uint8_t> bytes, std::vector<std::uint8_t> &out, std::size_t limit = idxDefaultLimit);

/** Parses an IDX array (raw or gzip) of unsigned bytes with \a expectedDims dimensions. */
IdxResult readIdx(std::span<const std::uint8_t> bytes, int expectedDims, std::size_t limit = idxDefaultLimit);

/** Reads a whole file and parses it as readIdx() does. */
IdxResult readIdxFile(const std::filesystem::path &path, int expectedDims, std::size_t limit = idxDefaultLimit);

} // namespace logitlab
