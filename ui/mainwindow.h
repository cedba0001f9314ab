// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace Stagecraft::Ui {

/** The Stagecraft main window. */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens a werf.yaml or a project directory. */
    bool openPath(const QString &path);
};

} // namespace Stagecraft::Ui
