import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { ElSelect } from 'element-plus';
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

// Every el-select renders its options when it opens, not when the page mounts: a list toolbar holds a dozen pickers
// (610 regions, every rep, tags), and rendering them all held back the list's first request. Labels of the chosen
// values still show: Element Plus reads them from the option slots without mounting the options.
(ElSelect.props.persistent as { default: boolean }).default = false;

captureToken();
const pinia = createPinia();
const app = createApp(App).use(pinia).use(createAppRouter()).use(i18n);
// ask for the settings before mounting, so their answer and the first route's chunks arrive together
void useAppStore(pinia).ready();
app.mount('#app');
