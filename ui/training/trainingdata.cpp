#include "training/trainingdata.h"

#include "data/binarytask.h"
#include "data/idxdataset.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>

namespace logitlab::ui {
namespace {

/** \brief Translation context of these free functions (lupdate reads the macro's argument). */
struct TrainingData {
    Q_DECLARE_TR_FUNCTIONS(logitlab::ui::TrainingData)
};

QString idxErrorText(IdxError e)
{
    switch (e) {
    case IdxError::None: return TrainingData::tr("no error");
    case IdxError::FileUnreadable: return TrainingData::tr("cannot be read");
    case IdxError::FileMissing: return TrainingData::tr("does not exist");
    case IdxError::NotAFile: return TrainingData::tr("is a directory, not a file");
    case IdxError::GzipCorrupt: return TrainingData::tr("is not valid gzip data (corrupt or cut short)");
    case IdxError::TooLarge: return TrainingData::tr("is larger than the 256 MiB limit");
    case IdxError::Truncated: return TrainingData::tr("is shorter than its header says");
    case IdxError::BadMagic: return TrainingData::tr("does not start with the IDX magic number");
    case IdxError::UnsupportedType: return TrainingData::tr("does not hold unsigned bytes (IDX type 0x08)");
    case IdxError::BadDimensionCount: return TrainingData::tr("has the wrong number of dimensions");
    case IdxError::ZeroDimension: return TrainingData::tr("has a dimension of size 0");
    case IdxError::SizeMismatch: return TrainingData::tr("has more data than its header says");
    case IdxError::LabelOutOfRange: return TrainingData::tr("has a label outside 0..9");
    case IdxError::CountMismatch: return TrainingData::tr("has a different number of labels than images");
    }
    return TrainingData::tr("is invalid");
}

/** The embedded digits, decoded once per process (about 60 ms) and shared. */
std::shared_ptr<const DataSplit> embeddedMnist(QString *error)
{
    static QMutex mutex;
    static std::shared_ptr<const DataSplit> cached;
    const QMutexLocker lock(&mutex);
    if (cached)
        return cached;
    auto split = std::make_shared<DataSplit>();
    const char *parts[2][2] = {
        {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}, {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}};
    for (int i = 0; i < 2; ++i) {
        QByteArray bytes[2];
        for (int j = 0; j < 2; ++j) {
            QFile f(QStringLiteral(":/mnist-10k/%1.gz").arg(QLatin1String(parts[i][j])));
            if (!f.open(QIODevice::ReadOnly)) {
                *error = TrainingData::tr("The embedded MNIST-10k data is missing from this build.");
                return {};
            }
            bytes[j] = f.readAll();
        }
        const auto span = [](const QByteArray &b) {
            return std::span<const std::uint8_t>(
                reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()));
        };
        DatasetResult r = datasetFromIdxBytes(span(bytes[0]), span(bytes[1]));
        if (!r.ok()) {
            *error = TrainingData::tr("The embedded MNIST-10k %1").arg(idxErrorText(r.error));
            return {};
        }
        (i == 0 ? split->train : split->test) = std::move(r.dataset);
    }
    cached = split;
    return cached;
}

} // namespace

LoadedData loadSessionData(const SessionSetup &setup)
{
    LoadedData out;
    auto data = std::make_shared<SessionData>();
    switch (setup.source) {
    case DataSource::Mnist: {
        const auto mnist = embeddedMnist(&out.error);
        if (!mnist)
            return out;
        data->split = *mnist;
        data->description = TrainingData::tr("MNIST-10k (embedded)");
        break;
    }
    case DataSource::IdxDirectory: {
        if (setup.idxPath.isEmpty()) {
            out.error = TrainingData::tr("Choose a directory holding the four IDX files of a data set.");
            return out;
        }
        SplitResult r = loadIdxDirectory(setup.idxPath.toStdString());
        if (!r.ok()) {
            out.error = TrainingData::tr("%1 in %2 %3")
                            .arg(QLatin1String(idxFileName(r.failedFile)), setup.idxPath, idxErrorText(r.error));
            return out;
        }
        data->split = std::move(r.split);
        data->description = setup.idxPath;
        break;
    }
    case DataSource::Synthetic: {
        SyntheticSpec spec;
        spec.kind = setup.synthetic;
        spec.noise = setup.noise;
        spec.seed = setup.a.seed;
        data->split = makeSynthetic(spec);
        data->description = QString::fromLatin1(syntheticName(setup.synthetic).data());
        break;
    }
    }
    const int classes = data->split.train.classes;
    if (setup.binaryPositive >= 0 && setup.binaryPositive < classes && data->split.train.featureCount() > 2) {
        if (setup.binaryNegative >= 0 && setup.binaryNegative < classes
            && setup.binaryNegative != setup.binaryPositive) {
            data->split.train = twoClasses(data->split.train, setup.binaryNegative, setup.binaryPositive);
            data->split.test = twoClasses(data->split.test, setup.binaryNegative, setup.binaryPositive);
            data->description += TrainingData::tr(", %1 vs %2").arg(setup.binaryNegative).arg(setup.binaryPositive);
        } else {
            data->split.train = oneVsRest(data->split.train, setup.binaryPositive);
            data->split.test = oneVsRest(data->split.test, setup.binaryPositive);
            data->description += TrainingData::tr(", %1 vs rest").arg(setup.binaryPositive);
        }
    }
    data->description
        += TrainingData::tr(": %1 train / %2 test").arg(data->split.train.size()).arg(data->split.test.size());
    out.data = data;
    return out;
}

} // namespace logitlab::ui
