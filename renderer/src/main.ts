import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/theme-chalk/base.css';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-message-box.css';
import 'element-plus/theme-chalk/el-overlay.css';
import './styles.css';
import './speed.css';
import App from './App.vue';
import { captureToken } from './api';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { useAppStore } from './stores/app';

captureToken();
const pinia = createPinia();
const app = createApp(App).use(pinia).use(createAppRouter()).use(i18n);
// ask for the settings before mounting, so their answer and the first route's chunks arrive together
void useAppStore(pinia).load();
app.mount('#app');
