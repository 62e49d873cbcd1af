// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
/** \file
 * The data a training session uses, loaded from a DataSpec: the embedded MNIST-10k digits (whose
 * bytes the front end supplies through a ByteSource: Qt resources in the app and the CLI), an
 * IDX directory or a synthetic 2-D set, optionally cut to a two-class task. Errors are values;
 * the front ends word them.
 */
#include "data/dataset.h"
#include "data/idxdataset.h"
#include "lab/traininglab.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace logitlab {

/**
 * Returns the bytes of an embedded file (e.g. "train-images-idx3-ubyte.gz"), or nothing if the
 * build does not hold it.
 */
using ByteSource = std::function<std::optional<std::vector<std::uint8_t>>(std::string_view fileName)>;

/** \brief Why the data of a DataSpec could not be loaded. */
enum class DataError {
    None,
    EmbeddedMissing, ///< the ByteSource does not have an embedded MNIST file
    EmbeddedInvalid, ///< an embedded file is there but invalid (idxError says how)
    NoIdxDirectory, ///< IdxDirectory with an empty path
    Idx, ///< a file of the IDX directory is missing or invalid (idxError and idxFile say which and how)
    BadTask, ///< the two-class task names a class outside the data's classes, or the same class twice
    EmptyClass ///< a class of the two-class task has no training sample (taskClass says which)
};

/** \brief The data of a session: the split it trains and tests on, and what it was made from. */
struct SessionData {
    DataSpec spec;
    DataSplit split;
    /** The two-class task actually applied (-1, -1: all classes; -1, P: P vs rest; N, P: N vs P). */
    int negative = -1, positive = -1;
};

/** \brief Loaded data, or why not. */
struct DataLoad {
    std::shared_ptr<const SessionData> data;
    DataError error = DataError::None;
    IdxError idxError = IdxError::None;
    IdxFile idxFile = IdxFile::TrainImages;
    int taskClass = -1; ///< EmptyClass: the class without samples; BadTask: the data's class count
    bool ok() const { return error == DataError::None; }
};

/** The four embedded MNIST-10k files, in train-images, train-labels, test-images, test-labels order. */
inline constexpr std::string_view embeddedMnistFiles[4] = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

/**
 * Loads the data of \a spec. Synthetic sets are drawn with \a seed (run A's). The embedded digits
 * are decoded once per process (about 60 ms) and shared, so \a embedded must always give the
 * same bytes. A two-class task (binaryPositive >= 0) must name classes of the data, two different
 * ones, each with training samples (else BadTask or EmptyClass).
 */
DataLoad loadTrainingData(const DataSpec &spec, std::uint64_t seed, const ByteSource &embedded);

} // namespace logitlab
