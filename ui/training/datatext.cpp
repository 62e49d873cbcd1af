// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/datatext.h"

#include <QCoreApplication>
#include <QFile>

namespace logitlab::ui {
namespace {

/** \brief Translation context of these free functions (lupdate reads the macro's argument). */
struct TrainingData {
    Q_DECLARE_TR_FUNCTIONS(logitlab::ui::TrainingData)
};

} // namespace

ByteSource resourceBytes()
{
    return [](std::string_view name) -> std::optional<std::vector<std::uint8_t>> {
        QFile f(QStringLiteral(":/mnist-10k/") + QString::fromUtf8(name.data(), qsizetype(name.size())));
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        const QByteArray bytes = f.readAll();
        return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
    };
}

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

QString dataErrorText(const DataLoad &load, const DataSpec &spec)
{
    switch (load.error) {
    case DataError::None: break;
    case DataError::EmbeddedMissing: return TrainingData::tr("The embedded MNIST-10k data is missing from this build.");
    case DataError::EmbeddedInvalid:
        return TrainingData::tr("The embedded MNIST-10k %1").arg(idxErrorText(load.idxError));
    case DataError::NoIdxDirectory:
        return TrainingData::tr("Choose a directory holding the four IDX files of a data set.");
    case DataError::BadTask:
        return TrainingData::tr("A two-class task needs two different classes between 0 and %1.")
            .arg(load.taskClass - 1);
    case DataError::EmptyClass:
        return TrainingData::tr("Class %1 has no training samples in these data: a two-class task needs both.")
            .arg(load.taskClass);
    case DataError::Idx:
        return TrainingData::tr("%1 in %2 %3")
            .arg(QLatin1String(idxFileName(load.idxFile)), QString::fromStdString(spec.idxPath),
                idxErrorText(load.idxError));
    }
    return {};
}

QString taskText(const SessionData &data)
{
    if (data.positive < 0)
        return {};
    if (data.negative < 0)
        return TrainingData::tr("%1 vs rest").arg(data.positive);
    return TrainingData::tr("%1 vs %2").arg(data.negative).arg(data.positive);
}

QString dataDescription(const SessionData &data)
{
    QString text;
    switch (data.spec.source) {
    case DataSource::Mnist: text = TrainingData::tr("MNIST-10k (embedded)"); break;
    case DataSource::IdxDirectory: text = QString::fromStdString(data.spec.idxPath); break;
    case DataSource::Synthetic: text = QString::fromLatin1(syntheticName(data.spec.synthetic).data()); break;
    }
    const QString task = taskText(data);
    if (!task.isEmpty())
        text += TrainingData::tr(", %1").arg(task);
    return text + TrainingData::tr(": %1 train / %2 test").arg(data.split.train.size()).arg(data.split.test.size());
}

} // namespace logitlab::ui
