// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QFileInfo>

namespace Stagecraft::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Stagecraft"));
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openPath(const QString &path)
{
    setWindowTitle(tr("%1 — Stagecraft").arg(QFileInfo(path).fileName()));
    return true;
}

} // namespace Stagecraft::Ui
