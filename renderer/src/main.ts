import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/theme-chalk/base.css';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-message-box.css';
import 'element-plus/theme-chalk/el-overlay.css';
import './styles.css';
import App from './App.vue';
import { captureToken } from './api';
import { i18n } from './i18n';
import { createAppRouter } from './router';

captureToken();
createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app');
