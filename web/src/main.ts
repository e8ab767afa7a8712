/**
 * Entry point: page-wide styles, then the app element (which pulls in every page).
 */
import './styles/global.css';
import './elements/iken-app.js';
