#include "projectsession.h"

#include "error.h"
#include "projectfile.h"
#include "projectlayers.h"
#include "projectopening.h"
#include "referencemaplayers.h"
#include "stockqgisproject.h"

#include <QCoreApplication>
#include <map>
#include <qgsvectorlayer.h>

namespace mapcore {

std::unique_ptr<ProjectSession> ProjectSession::open(const QString& path)
{
    return ProjectOpening(path).waitForSession();
}

ProjectSession::ProjectSession(std::unique_ptr<gridmodel::ProjectFile> project,
                               std::unique_ptr<ProjectLayers> layers, const QString& readOnlyReason)
    : mProject(std::move(project)), mLayers(std::move(layers)),
      mReferences(std::make_unique<ReferenceMapLayers>()), mReadOnlyReason(readOnlyReason)
{
    qRegisterMetaType<gridmodel::ChangeSet>();
    mReferences->update(mProject->data().referenceLayers, mProject->path());
    mLayers->setOverReferences(!mReferences->visibleLayersTopFirst().isEmpty());
    mStockQgisProjectBehind = isEditable() && !StockQgisProject::isWritten(mProject->path());
}

void ProjectSession::keepStockQgisProjectCurrent()
{
    try {
        StockQgisProject::write(mProject->path(), mProject->data().hierarchy,
                                mProject->data().referenceLayers);
    } catch (const gridmodel::Error& error) {
        // GridAtlas's own tables are whole; only what stock QGIS shows is behind
        qWarning("%s", qPrintable(error.message()));
    }
}

ProjectSession::~ProjectSession()
{
    // Written when the map is done with the file: QGIS's writes beside the map's reading
    // threads would make some of them fail to read it.
    mReferences.reset();
    mLayers.reset();
    if (mStockQgisProjectBehind)
        keepStockQgisProjectCurrent();
}

bool ProjectSession::setReferenceLayers(const std::vector<gridmodel::ReferenceLayer>& layers, QString* error)
{
    try {
        mProject->setReferenceLayers(layers);
    } catch (const gridmodel::Error& failure) {
        if (error)
            *error = failure.message();
        return false;
    }
    mReferences->update(layers, mProject->path(), mTiandituKey);
    mLayers->setOverReferences(!mReferences->visibleLayersTopFirst().isEmpty());
    mStockQgisProjectBehind = true;
    emit referencesChanged();
    return true;
}

void ProjectSession::setTiandituKey(const QString& key)
{
    if (key == mTiandituKey)
        return;
    mTiandituKey = key;
    mReferences->update(mProject->data().referenceLayers, mProject->path(), mTiandituKey);
    mLayers->setOverReferences(!mReferences->visibleLayersTopFirst().isEmpty());
    emit referencesChanged();
}

const gridmodel::ProjectData& ProjectSession::data() const
{
    return mProject->data();
}

QString ProjectSession::path() const
{
    return mProject->path();
}

bool ProjectSession::isEditable() const
{
    return mProject->access() == gridmodel::ProjectFile::Access::ReadWrite;
}

bool ProjectSession::edit(const std::function<gridmodel::ChangeSet(gridmodel::ProjectFile&)>& operation,
                          QString* error, std::optional<gridmodel::Point>* place)
{
    emit aboutToEdit();
    try {
        const gridmodel::ChangeSet changes = operation(*mProject);
        afterChange(changes);
        return true;
    } catch (const gridmodel::Error& failure) {
        if (error)
            *error = failure.message();
        if (place)
            *place = failure.place();
        return false;
    }
}

bool ProjectSession::undo(QString* error)
{
    return edit(
        [](gridmodel::ProjectFile& project) {
            const auto changes = project.undo();
            if (!changes)
                throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                                       QCoreApplication::translate("mapcore", "Nothing to undo"));
            return *changes;
        },
        error);
}

bool ProjectSession::redo(QString* error)
{
    return edit(
        [](gridmodel::ProjectFile& project) {
            const auto changes = project.redo();
            if (!changes)
                throw gridmodel::Error(gridmodel::Error::Kind::InvalidInput,
                                       QCoreApplication::translate("mapcore", "Nothing to redo"));
            return *changes;
        },
        error);
}

QString ProjectSession::undoDescription() const
{
    try {
        const auto entry = mProject->nextUndo();
        return entry ? entry->description : QString();
    } catch (const gridmodel::Error&) {
        return QString(); // a history it cannot read: undo itself will say why
    }
}

QString ProjectSession::redoDescription() const
{
    try {
        const auto entry = mProject->nextRedo();
        return entry ? entry->description : QString();
    } catch (const gridmodel::Error&) {
        return QString();
    }
}

void ProjectSession::afterChange(const gridmodel::ChangeSet& changes)
{
    // The layers read the file through their own connection and see each committed edit
    // on their next read; only a level that gained or lost units needs its provider
    // reloaded (feature count), which costs far more than a repaint.
    std::map<int, bool> levels; // level -> units added or removed
    for (const auto& change : changes.units) {
        const int level = change.after ? change.after->level : change.before->level;
        levels[level] = levels[level] || !change.before || !change.after;
    }
    for (const auto& [level, structural] : levels) {
        QgsVectorLayer* layer = mLayers->layer(level);
        if (structural) {
            layer->reload();
            mLayers->followUnitCount(level);
        } else
            layer->updateExtents();
        layer->triggerRepaint();
    }
    emit edited(changes);
}

} // namespace mapcore
