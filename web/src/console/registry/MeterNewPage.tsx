import { Alert, Card, Spin } from 'antd';
import { useRouter } from '../../shared/router.tsx';
import { Link } from '../lib/link.tsx';
import { useQueryState } from '../lib/query-state.ts';
import { useLoad } from '../lib/use-load.ts';
import type { PageProps } from '../module.ts';
import { MeterForm } from './MeterForm.tsx';
import { useRegistryApi } from './registry-api.ts';

/** 登记计量器具 for one enterprise (`?enterprise=`, and a facility preselected by `&facility=`). */
const MeterNewPage = (_: PageProps) => {
  const api = useRegistryApi();
  const { navigate } = useRouter();
  const query = useQueryState();
  const enterpriseId = query.get('enterprise') ?? '';
  const detail = useLoad(() => api.enterprise(enterpriseId), enterpriseId);
  const e = detail.data;
  return (
    <section aria-labelledby="meter-new-title">
      <h1 id="meter-new-title">登记计量器具：{e?.name ?? enterpriseId}</h1>
      {enterpriseId === '' ? (
        <Alert type="info" showIcon title="请先在企业页面选择要登记计量器具的企业" />
      ) : null}
      {detail.error === undefined ? null : <Alert type="error" showIcon title={detail.error} />}
      {e === undefined ? (
        <Spin className="qs-page-spin" />
      ) : e.facilities.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title="该企业还没有设施"
          description={<Link to={`registry/enterprises/${encodeURIComponent(e.id)}`}>先登记设施</Link>}
        />
      ) : (
        <Card size="small" style={{ maxWidth: 720 }}>
          <MeterForm
            enterpriseId={e.id}
            facilities={e.facilities}
            initialFacility={query.get('facility') ?? e.facilities[0]?.id}
            onSaved={(m) => navigate(`registry/meters/${encodeURIComponent(m.id)}`)}
            reload={detail.reload}
          />
        </Card>
      )}
    </section>
  );
};

export default MeterNewPage;
