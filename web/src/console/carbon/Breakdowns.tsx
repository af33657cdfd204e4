import { Card, Col, Row, Table } from 'antd';
import type { EmissionSeries } from './api.ts';
import { ENERGY_LABELS, GAS_LABELS, label, QUANTITY_UNITS, SCOPE_LABELS, tonnes } from './labels.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The period's totals split by scope, energy type and gas (the API's breakdowns, as tables). */
export const Breakdowns = ({ data }: { data: EmissionSeries }) => {
  const { byScope, byEnergyType, byGas } = data.breakdowns;
  const withheld = data.totals.withheld ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card size="small" title="按范围">
          <Table
            size="small"
            pagination={false}
            rowKey="scope"
            dataSource={byScope}
            columns={[
              { title: '范围', dataIndex: 'scope', render: (s: string) => label(SCOPE_LABELS, s) },
              { title: 'tCO2e', dataIndex: 'tCO2e', align: 'right', render: tonnes },
              { title: '占比', dataIndex: 'share', align: 'right', render: pct },
            ]}
            footer={withheld.length > 0 ? () => '部分范围数据因企业数不足而不公开' : undefined}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="按能源品种">
          <Table
            size="small"
            pagination={false}
            rowKey="energyType"
            dataSource={byEnergyType}
            columns={[
              { title: '品种', dataIndex: 'energyType', render: (s: string) => label(ENERGY_LABELS, s) },
              {
                title: '用量',
                key: 'q',
                align: 'right',
                render: (_, r) =>
                  r.quantity === undefined
                    ? '—'
                    : `${tonnes(r.quantity)} ${label(QUANTITY_UNITS, r.unit ?? '')}`,
              },
              { title: 'tCO2e', dataIndex: 'tCO2e', align: 'right', render: tonnes },
              { title: '占比', dataIndex: 'share', align: 'right', render: pct },
              { title: 'tce', dataIndex: 'tce', align: 'right', render: tonnes },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={6}>
        <Card size="small" title="按温室气体（吨，非当量）">
          <Table
            size="small"
            pagination={false}
            rowKey="gas"
            dataSource={byGas}
            columns={[
              { title: '气体', dataIndex: 'gas', render: (s: string) => label(GAS_LABELS, s) },
              { title: '吨', dataIndex: 'tonnes', align: 'right', render: tonnes },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
};
