// The main-process entry: everything that touches Electron starts in ./electron/main.
import './electron/main';
