// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * Builds a Dataset from a pair of IDX arrays (images N x rows x cols, labels N), as MNIST and
 * Fashion-MNIST ship, and loads a train/test split from a directory of the four usual files.
 */
#include "data/dataset.h"
#include "data/idxreader.h"

#include <filesystem>
#include <span>

namespace logitlab {

/** \brief A data set or the error that prevented it. */
struct DatasetResult {
    IdxError error = IdxError::None;
    Dataset dataset;
    bool ok() const { return error == IdxError::None; }
};

/** \brief The four files of an IDX split; \a failedFile names the one an error is about. */
enum class IdxFile { TrainImages, TrainLabels, TestImages, TestLabels };

/** \brief A train/test split or the error (and the file) that prevented it. */
struct SplitResult {
    IdxError error = IdxError::None;
    IdxFile failedFile = IdxFile::TrainImages;
    DataSplit split;
    bool ok() const { return error == IdxError::None; }
};

/** Pairs images and labels; pixels become p / 255; every label must be below \a classes. */
DatasetResult datasetFromIdx(const IdxArray &images, const IdxArray &labels, int classes = 10);

/** Parses the bytes (raw or gzip) of an image file and a label file into a data set. */
DatasetResult datasetFromIdxBytes(
    std::span<const std::uint8_t> images, std::span<const std::uint8_t> labels, int classes = 10);

/** The file names of \a f: "train-images-idx3-ubyte" etc. (without ".gz"). */
const char *idxFileName(IdxFile f);

/**
 * Loads train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and
 * t10k-labels-idx1-ubyte from \a dir, each raw or with ".gz" appended.
 */
SplitResult loadIdxDirectory(const std::filesystem::path &dir, int classes = 10);

} // namespace logitlab
