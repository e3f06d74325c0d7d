// The browser entry: styles, then the router.
import "@xterm/xterm/css/xterm.css";
import "./app/app.css";
import { startApp } from "./app/start-app.ts";

startApp(document.getElementById("app") ?? document.body);
