import { mount } from "svelte";
import App from "./App.svelte";
import "./styles.css";

performance.mark("gutsy-script");
mount(App, { target: document.getElementById("app")! });
