#pragma once

#include <QMainWindow>
#include <memory>

class QLabel;
class QgsMapCanvas;

namespace gridmodel {
class ProjectFile;
}
namespace mapcore {
class ProjectLayers;
}

/**
 * The GridAtlas window: the map of the open project. Wiring only; what the map shows
 * comes from mapcore, what a project is from gridmodel.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow();
    ~MainWindow() override;

    //! opens a project for viewing; shows the reason when it cannot
    bool openProject(const QString& path);
    QgsMapCanvas* canvas() const { return mCanvas; }

private:
    void chooseProject();
    void updateScale(double scale);

    QgsMapCanvas* mCanvas = nullptr;
    QLabel* mCoordinates = nullptr;
    QLabel* mScale = nullptr;
    QLabel* mCrs = nullptr;
    std::unique_ptr<gridmodel::ProjectFile> mProject;
    std::unique_ptr<mapcore::ProjectLayers> mLayers;
};
