import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import governancePlugin from '@catalog-governance/backstage-plugin-governance/alpha';
import { catalogIndexModule } from './modules/catalog';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    catalogIndexModule,
    governancePlugin,
    navModule,
    homeModule,
    signInModule,
  ],
});
