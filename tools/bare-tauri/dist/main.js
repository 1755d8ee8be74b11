const { invoke } = window.__TAURI__.core;

let greetInput;
let greetMsg;

async function greet() {
  greetMsg.textContent = await invoke("greet", { name: greetInput.value });
}

window.addEventListener("DOMContentLoaded", () => {
  greetInput = document.querySelector("#greet-input");
  greetMsg = document.querySelector("#greet-msg");
  document.querySelector("#greet-form").addEventListener("submit", (e) => {
    e.preventDefault();
    greet();
  });
});
